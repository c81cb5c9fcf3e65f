package kz.qalqan.identity;

import kz.qalqan.platform.NotFoundException;

public class UserNotFoundException extends NotFoundException {

    private UserNotFoundException(String message) {
        super(message);
    }

    public static UserNotFoundException forId(long id) {
        return new UserNotFoundException("No user with id " + id);
    }

    public static UserNotFoundException forUsername(String username) {
        return new UserNotFoundException("No user " + username);
    }
}
