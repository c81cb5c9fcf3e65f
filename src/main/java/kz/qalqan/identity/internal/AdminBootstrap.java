package kz.qalqan.identity.internal;

import kz.qalqan.identity.PasswordPolicy;
import kz.qalqan.identity.PasswordRejection;
import kz.qalqan.identity.RoleGrant;
import kz.qalqan.shared.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Creates the {@code admin} account, a national ADMIN, on the first start against an empty user table.
 * The password is {@code QALQAN_ADMIN_PASSWORD} when set, and must pass the {@link PasswordPolicy} (the
 * start fails otherwise); without it a random one is generated and printed once to the console (never to
 * the log files), and only its hash is stored.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final Environment env;
    private final Clock clock;

    AdminBootstrap(UserRepository users, PasswordEncoder encoder, Environment env, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.env = env;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (env.getProperty("qalqan.cli", Boolean.class, false) || users.count() > 0) {
            return;
        }
        String given = env.getProperty("qalqan.admin-password", env.getProperty("QALQAN_ADMIN_PASSWORD"));
        boolean generated = given == null || given.isBlank();
        String password = generated ? generate() : given;
        List<PasswordRejection> rejections = PasswordPolicy.standard().check(USERNAME, password);
        if (!rejections.isEmpty()) {
            throw new IllegalStateException("QALQAN_ADMIN_PASSWORD is not acceptable: the password "
                    + rejections.stream().map(PasswordRejection::message).collect(Collectors.joining("; "))
                    + ". Choose another one (at least " + PasswordPolicy.MIN_LENGTH + " characters, not a common password, "
                    + "not containing the username) and start again.");
        }
        var id = users.insert(USERNAME, encoder.encode(password), "Administrator", "kk", null, clock.instant());
        if (id.isEmpty()) {
            return; // another node created it first
        }
        users.replaceGrants(id.get(), List.of(new RoleGrant(Role.ADMIN, "KZ", "")));
        if (generated) {
            System.out.printf("%n==============================================================%n"
                    + " Qalqan administrator account created.%n"
                    + "   username: %s%n"
                    + "   password: %s%n"
                    + " This password is shown only once. Set QALQAN_ADMIN_PASSWORD%n"
                    + " before the first start to choose it yourself.%n"
                    + "==============================================================%n%n", USERNAME, password);
            System.out.flush();
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        String password;
        do {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            password = sb.toString();
        } while (!PasswordPolicy.standard().accepts(USERNAME, password));
        return password;
    }
}
