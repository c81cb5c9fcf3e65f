package kz.qalqan.medical;

import kz.qalqan.platform.security.Sensitive;

import java.time.LocalDate;
import java.util.List;

/**
 * A limitation profile as a caller sees it: {@code restrictions}, {@code maxLoadKg} and {@code reason} are null
 * unless they may read medical details; the dates stay.
 */
public record ProfileView(@Sensitive List<Restriction> restrictions, @Sensitive Integer maxLoadKg, LocalDate startsOn, LocalDate endsOn,
                          @Sensitive String reason) {

    public ProfileView {
        restrictions = restrictions == null ? null : List.copyOf(restrictions);
    }
}
