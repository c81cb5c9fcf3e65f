package kz.qalqan.readiness;

/**
 * The counts behind a node's levels. Roll-ups add counts (never average shares), so a region's share is
 * each unit's share weighted by its denominator — for P exactly its authorised strength — and the roll-up
 * of any set of units equals the readiness of one unit holding all their positions and equipment lines.
 *
 * @param authorised  authorised positions (authorised strength)
 * @param ready       positions held by an active member who holds every required qualification current and
 *                    meets the position's medical standard
 * @param tRequired   required qualifications of held positions
 * @param tCurrent    of those, held and current
 * @param sAuthorised equipment items authorised
 * @param sOnHand     items on hand, counting at most the authorised number of each line (a surplus of helmets
 *                    does not make up for missing radios, nor one unit's surplus for another's shortfall)
 * @param rOnHand     items on hand
 * @param rReady      items on hand that are serviceable with the line's inspection in date
 */
public record Counts(long authorised, long ready, long tRequired, long tCurrent, long sAuthorised, long sOnHand,
                     long rOnHand, long rReady) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(authorised + o.authorised, ready + o.ready, tRequired + o.tRequired, tCurrent + o.tCurrent,
                sAuthorised + o.sAuthorised, sOnHand + o.sOnHand, rOnHand + o.rOnHand, rReady + o.rReady);
    }

    public Measure p() {
        return Measure.of(Dimension.P, ready, authorised);
    }

    public Measure t() {
        return Measure.of(Dimension.T, tCurrent, tRequired);
    }

    public Measure s() {
        return Measure.of(Dimension.S, sOnHand, sAuthorised);
    }

    public Measure r() {
        return Measure.of(Dimension.R, rReady, rOnHand);
    }

    /** The worst of the measured levels; null when nothing is measured. */
    public Integer level() {
        return ReadinessLevels.worst(p().level(), t().level(), s().level(), r().level());
    }
}
