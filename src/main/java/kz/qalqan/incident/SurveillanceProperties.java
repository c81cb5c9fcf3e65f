package kz.qalqan.incident;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code qalqan.incident.surveillance.*}: {@code minCellCount} is the smallest count of injuries to one body region
 * that readers other than medical officers see (in the report, its page and its CSV); smaller cells are left out so
 * that a single injury's body region cannot be told from the figures.
 */
@Validated
@ConfigurationProperties("qalqan.incident.surveillance")
public record SurveillanceProperties(@DefaultValue("5") @Min(1) int minCellCount) {
}
