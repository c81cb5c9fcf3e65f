package kz.qalqan.safety;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The TB MED 507 work/rest and water guidance for given heat conditions (DOMAIN.md §4).
 *
 * <p>Boundaries: the table's ranges (78–81.9, 82–84.9, …) are read as half-open intervals on the
 * adjusted WBGT in °F: below 78.0 no category; 78.0 ≤ WBGT &lt; 82.0 category 1; &lt; 85.0 category 2;
 * &lt; 88.0 category 3; &lt; 90.0 category 4; 90.0 and above category 5. So 81.95 is category 1 and
 * 82.0 is category 2. Body armour adds 5 °F and MOPP 4 adds 10 °F before the look-up (both add 15).
 * Unacclimatised people count one category higher; category 5 stays 5 and no category stays none.
 *
 * <p>Below category 1 the table gives no figures: work and rest are {@code null} (no limit) and so is
 * the water ration ({@code null} = no table figure, not "drink nothing").
 *
 * @param category           0 (below 78 °F) to 5
 * @param workMinutes        minutes of work per hour, {@code null} for no limit
 * @param restMinutes        minutes of rest per hour, {@code null} when work has no limit
 * @param waterQuartsPerHour 0.5, 0.75 or 1.0 quarts per hour; {@code null} below category 1
 * @param adjustedWbgtF      the WBGT the table was looked up with, after the clothing adjustments
 * @param notes              message codes of the notes that go with the answer ({@link #FLUID_LIMIT}, …)
 */
public record HeatStress(int category, HeatFlag flag, Integer workMinutes, Integer restMinutes, Double waterQuartsPerHour,
                         BigDecimal adjustedWbgtF, List<String> notes) {

    // notes are message codes of the safety bundle, so that clients say them in their reader's language
    public static final String FLUID_LIMIT = "safety.heat.note.fluidLimit";
    public static final String CATEGORY_5_SUSPENDS = "safety.heat.note.category5Suspends";

    private static final BigDecimal[] LOWER_BOUNDS = {
            new BigDecimal("78.0"), new BigDecimal("82.0"), new BigDecimal("85.0"), new BigDecimal("88.0"), new BigDecimal("90.0")};
    private static final BigDecimal ARMOUR = BigDecimal.valueOf(5);
    private static final BigDecimal MOPP_4 = BigDecimal.valueOf(10);
    private static final double LITRES_PER_QUART = 0.946353;

    /** Work/rest (null = no limit) and quarts per hour for one cell of the table. */
    private record Cell(Integer work, Integer rest, double water) {
    }

    private static final Cell NL_HALF = new Cell(null, null, 0.5);
    private static final Cell NL_THREE_QUARTERS = new Cell(null, null, 0.75);

    /** Rows are categories 1–5, columns easy, moderate, hard (DOMAIN.md §4). */
    private static final Cell[][] TABLE = {
            {NL_HALF, NL_THREE_QUARTERS, new Cell(40, 20, 0.75)},
            {NL_HALF, new Cell(50, 10, 0.75), new Cell(30, 30, 1.0)},
            {NL_THREE_QUARTERS, new Cell(40, 20, 0.75), new Cell(30, 30, 1.0)},
            {NL_THREE_QUARTERS, new Cell(30, 30, 0.75), new Cell(20, 40, 1.0)},
            {new Cell(50, 10, 1.0), new Cell(20, 40, 1.0), new Cell(10, 50, 1.0)},
    };

    public HeatStress {
        notes = List.copyOf(notes);
    }

    public static HeatStress assess(HeatConditions conditions) {
        BigDecimal adjusted = conditions.wbgtF();
        if (conditions.bodyArmour()) {
            adjusted = adjusted.add(ARMOUR);
        }
        if (conditions.mopp4()) {
            adjusted = adjusted.add(MOPP_4);
        }
        int category = category(adjusted);
        if (!conditions.acclimatised() && category > 0) {
            category = Math.min(5, category + 1);
        }
        List<String> notes = new ArrayList<>();
        notes.add(FLUID_LIMIT);
        if (category == 0) {
            return new HeatStress(0, HeatFlag.NONE, null, null, null, adjusted, notes);
        }
        if (category == 5) {
            notes.add(CATEGORY_5_SUSPENDS);
        }
        Cell cell = TABLE[category - 1][conditions.work().ordinal()];
        return new HeatStress(category, HeatFlag.forCategory(category), cell.work(), cell.rest(), cell.water(), adjusted, notes);
    }

    /** The table category of a WBGT in °F, before the acclimatisation shift. */
    public static int category(BigDecimal wbgtF) {
        int category = 0;
        for (BigDecimal bound : LOWER_BOUNDS) {
            if (wbgtF.compareTo(bound) >= 0) {
                category++;
            }
        }
        return category;
    }

    /** The water ration in litres per hour (two decimals), as people here measure it; null below category 1. */
    public Double waterLitresPerHour() {
        return waterQuartsPerHour == null ? null
                : BigDecimal.valueOf(waterQuartsPerHour * LITRES_PER_QUART).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** The adjusted WBGT in °C (one decimal), shown first; the table itself is in °F. */
    public BigDecimal adjustedWbgtC() {
        return ActivityWeather.celsius(adjustedWbgtF);
    }

    public boolean hasWorkLimit() {
        return workMinutes != null;
    }
}
