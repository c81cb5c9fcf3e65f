package kz.qalqan.notification;

import kz.qalqan.registry.MemberContact;

/** A member as a message needs them: contacts, language and place in the tree (for scope). */
public record Recipient(long memberId, String name, String language, String email, String phone, Long unitId,
                        String orgPath) {

    public static Recipient of(MemberContact c) {
        return new Recipient(c.id(), c.fullName(), c.language(), c.email(), c.phone(), c.unitId(), c.orgPath());
    }
}
