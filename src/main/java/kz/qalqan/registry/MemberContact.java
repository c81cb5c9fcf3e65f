package kz.qalqan.registry;

/** How to reach a member: the contacts, language and place in the tree that messages to them need. */
public record MemberContact(long id, String fullName, String phone, String email, String language, Long unitId,
                            String orgPath) {
}
