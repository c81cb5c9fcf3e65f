package kz.qalqan.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body each class of endpoint accepts (README "Limits"); a larger one is answered 413 before it
 * is read, or as soon as the streamed bytes pass the limit.
 *
 * @param json JSON bodies and everything that is neither a CSV upload nor a CAP message
 * @param csv  member CSV uploads (multipart forms and {@code text/csv})
 * @param cap  CAP 1.2 alerts ({@code application/xml}, {@code application/cap+xml}, {@code text/xml})
 */
@ConfigurationProperties("qalqan.request.max-body")
public record RequestLimits(@DefaultValue("1MB") DataSize json, @DefaultValue("512MB") DataSize csv,
                            @DefaultValue("1MB") DataSize cap) {
}
