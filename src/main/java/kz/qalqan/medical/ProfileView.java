package kz.qalqan.medical;

import kz.qalqan.platform.security.Sensitive;

import java.time.LocalDate;
import java.util.List;

/** A limitation profile as a caller sees it: {@code reason} is null unless they may read medical details. */
public record ProfileView(List<Restriction> restrictions, Integer maxLoadKg, LocalDate startsOn, LocalDate endsOn,
                          @Sensitive String reason) {

    public ProfileView {
        restrictions = List.copyOf(restrictions);
    }
}
