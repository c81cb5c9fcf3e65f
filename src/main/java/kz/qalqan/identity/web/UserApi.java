package kz.qalqan.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.identity.AccessToken;
import kz.qalqan.identity.IssuedAccessToken;
import kz.qalqan.identity.NewAccessToken;
import kz.qalqan.identity.NewUser;
import kz.qalqan.identity.UserAccount;
import kz.qalqan.identity.UserAdministration;
import kz.qalqan.identity.UserChanges;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.shared.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/**
 * Accounts, grants and passwords for national administrators (the security rules require a national ADMIN
 * grant for everything here but {@code /me}); {@code /me} for every signed-in user: who they are, their
 * password and their personal access tokens.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Accounts, role grants over org scopes, passwords and personal access tokens")
class UserApi {

    /** The signed-in caller as the other modules see them, and their account. */
    record Me(Caller caller, UserAccount account) {
    }

    record PasswordReset(String password) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    private final UserAdministration administration;
    private final CurrentCaller currentCaller;

    UserApi(UserAdministration administration, CurrentCaller currentCaller) {
        this.administration = administration;
        this.currentCaller = currentCaller;
    }

    @GetMapping
    @Operation(summary = "All accounts, by username")
    List<UserAccount> list() {
        return administration.users();
    }

    @PostMapping
    @Operation(summary = "Create an account with one or more grants; scope is KZ, a region code, district:<id> or unit:<code>")
    ResponseEntity<UserAccount> create(@RequestBody NewUser command) {
        UserAccount user = administration.create(command, actor());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(user.id()).toUri())
                .body(user);
    }

    @GetMapping("/{id}")
    UserAccount get(@PathVariable long id) {
        return administration.user(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change display name, language, status, linked member and grants (grants are replaced)")
    UserAccount update(@PathVariable long id, @RequestBody UserChanges changes) {
        return administration.update(id, changes, actor());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        administration.delete(id, actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/password")
    @Operation(summary = "Set a new password for the user (also lifts a sign-in lockout)")
    ResponseEntity<Void> resetPassword(@PathVariable long id, @RequestBody PasswordReset body) {
        administration.resetPassword(id, body.password(), actor());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user: grants as the other modules apply them, and the account")
    Me me() {
        Caller caller = currentCaller.get();
        return new Me(caller, administration.byUsername(caller.username()).orElse(null));
    }

    @PostMapping("/me/password")
    @Operation(summary = "Change your own password; needs the current one")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange body, HttpServletRequest request) {
        administration.changeOwnPassword(actor(), body.currentPassword(), body.newPassword(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/tokens")
    @Operation(summary = "Your personal access tokens (never their secrets)")
    List<AccessToken> tokens() {
        return administration.tokens(actor());
    }

    @PostMapping("/me/tokens")
    @Operation(summary = "Issue a personal access token for Authorization: Bearer; the secret is in this answer only")
    ResponseEntity<IssuedAccessToken> issueToken(@RequestBody NewAccessToken command) {
        IssuedAccessToken issued = administration.issueToken(actor(), command);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(issued.token().id()).toUri()).body(issued);
    }

    @DeleteMapping("/me/tokens/{id}")
    @Operation(summary = "Revoke one of your personal access tokens")
    ResponseEntity<Void> revokeToken(@PathVariable long id) {
        administration.revokeToken(actor(), id);
        return ResponseEntity.noContent().build();
    }

    private String actor() {
        return currentCaller.get().username();
    }
}
