package kz.qalqan.identity.internal;

import kz.qalqan.identity.RoleGrant;
import kz.qalqan.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class IdentityAdminBootstrapTests {

    private final UserRepository users = mock(UserRepository.class);
    private final PasswordEncoder encoder = new IdentityConfiguration().passwordEncoder();

    private AdminBootstrap bootstrap(String password) {
        MockEnvironment env = new MockEnvironment();
        if (password != null) {
            env.setProperty("QALQAN_ADMIN_PASSWORD", password);
        }
        return new AdminBootstrap(users, encoder, env, Clock.systemUTC());
    }

    @Test
    void refusesToStartWithACommonAdministratorPassword() {
        when(users.count()).thenReturn(0L);

        assertThatThrownBy(() -> bootstrap("qwerty123456").run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QALQAN_ADMIN_PASSWORD is not acceptable")
                .hasMessageContaining("most common passwords");
        verify(users, never()).insert(anyString(), anyString(), anyString(), anyString(), any(), any());
    }

    @Test
    void refusesToStartWithAShortAdministratorPassword() {
        when(users.count()).thenReturn(0L);
        assertThatThrownBy(() -> bootstrap("admin123").run(new DefaultApplicationArguments()))
                .hasMessageContaining("at least 12 characters");
    }

    @Test
    void createsANationalAdministratorWithTheGivenPassword() {
        when(users.count()).thenReturn(0L);
        when(users.insert(eq("admin"), anyString(), eq("Administrator"), eq("kk"), isNull(), any())).thenReturn(Optional.of(1L));

        bootstrap("test-admin-password-1").run(new DefaultApplicationArguments());

        verify(users).replaceGrants(1L, List.of(new RoleGrant(Role.ADMIN, "KZ", "")));
    }

    @Test
    void doesNothingWhenAccountsExist() {
        when(users.count()).thenReturn(3L);
        bootstrap("qwerty123456").run(new DefaultApplicationArguments());
        verify(users, never()).insert(anyString(), anyString(), anyString(), anyString(), any(), any());
    }
}
