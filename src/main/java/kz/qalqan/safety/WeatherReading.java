package kz.qalqan.safety;

import java.time.LocalDate;

/**
 * Weather for an activity on a day, as a sensor, a forecast feed or a person reports it. Heat comes from
 * {@code wbgtC} or {@code wbgtF}, or — estimated, for shade — from {@code airTempC} with {@code humidityPct};
 * cold from {@code airTempC} with {@code windKmh}. Clothing and acclimatisation default to none and yes.
 *
 * @param source OBSERVED (default) or FORECAST
 */
public record WeatherReading(LocalDate day, String source, Double wbgtC, Double wbgtF, Double airTempC,
                             Double humidityPct, Double windKmh, Boolean bodyArmour, Boolean mopp4, Boolean acclimatised) {
}
