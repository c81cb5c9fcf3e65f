package kz.qalqan.identity.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/**
 * Creates the {@code admin} account on the first start against an empty user table. The password is
 * {@code QALQAN_ADMIN_PASSWORD} when set; otherwise a random one is generated and printed once to the
 * console (never to the log files), and only its hash is stored.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final Environment env;

    AdminBootstrap(UserRepository users, PasswordEncoder encoder, Environment env) {
        this.users = users;
        this.encoder = encoder;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (env.getProperty("qalqan.cli", Boolean.class, false) || users.count() > 0) {
            return;
        }
        String given = env.getProperty("qalqan.admin-password", env.getProperty("QALQAN_ADMIN_PASSWORD"));
        boolean generated = given == null || given.isBlank();
        String password = generated ? generate() : given;
        if (users.insertIfAbsent("admin", encoder.encode(password), "Administrator", "kk") && generated) {
            System.out.printf("%n==============================================================%n"
                    + " Qalqan administrator account created.%n"
                    + "   username: admin%n"
                    + "   password: %s%n"
                    + " This password is shown only once. Set QALQAN_ADMIN_PASSWORD%n"
                    + " before the first start to choose it yourself.%n"
                    + "==============================================================%n%n", password);
            System.out.flush();
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
