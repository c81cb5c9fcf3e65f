package kz.qalqan.registry;

import kz.qalqan.platform.NotFoundException;

public class UnitNotFoundException extends NotFoundException {
    private UnitNotFoundException(String message) {
        super(message);
    }

    public static UnitNotFoundException forId(long id) {
        return new UnitNotFoundException("No unit with id " + id);
    }
}
