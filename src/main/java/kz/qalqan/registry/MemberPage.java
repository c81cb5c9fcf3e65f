package kz.qalqan.registry;

import java.util.List;

/** One page of a keyset-paginated search; {@code next} is null on the last page. */
public record MemberPage(List<MemberSummary> items, String next) {
}
