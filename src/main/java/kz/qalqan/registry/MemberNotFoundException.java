package kz.qalqan.registry;

import kz.qalqan.platform.NotFoundException;

public class MemberNotFoundException extends NotFoundException {
    private MemberNotFoundException(String message) {
        super(message);
    }

    public static MemberNotFoundException forId(long id) {
        return new MemberNotFoundException("No member with id " + id);
    }
}
