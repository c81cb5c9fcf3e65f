package kz.qalqan.safety;

/**
 * The wind chill index of NWS (2001) and Environment Canada, for the air temperature and the wind speed
 * at 10 m (DOMAIN.md §5). Outside the range the formula was fitted for (warm air or near calm) the index
 * is the air temperature itself.
 */
public final class WindChill {

    private WindChill() {
    }

    /** Wind chill in °C for T in °C and V in km/h; T itself when T &gt; 10 °C or V &lt; 4.8 km/h. */
    public static double windChillC(double tempC, double windKmh) {
        requireValid(tempC, windKmh);
        if (tempC > 10 || windKmh < 4.8) {
            return tempC;
        }
        double v = Math.pow(windKmh, 0.16);
        return 13.12 + 0.6215 * tempC - 11.37 * v + 0.3965 * tempC * v;
    }

    /** Wind chill in °F for T in °F and V in mph; T itself when T &gt; 50 °F or V &lt; 3 mph. */
    public static double windChillF(double tempF, double windMph) {
        requireValid(tempF, windMph);
        if (tempF > 50 || windMph < 3) {
            return tempF;
        }
        double v = Math.pow(windMph, 0.16);
        return 35.74 + 0.6215 * tempF - 35.75 * v + 0.4275 * tempF * v;
    }

    private static void requireValid(double temperature, double wind) {
        if (!Double.isFinite(temperature) || !Double.isFinite(wind) || wind < 0) {
            throw new IllegalArgumentException("temperature and a non-negative wind speed are required");
        }
    }
}
