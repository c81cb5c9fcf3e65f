package kz.qalqan.identity.web;

import kz.qalqan.identity.GrantRequest;
import kz.qalqan.identity.NewUser;
import kz.qalqan.identity.RoleGrant;
import kz.qalqan.identity.UserAccount;
import kz.qalqan.identity.UserChanges;
import org.springframework.validation.BindingResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The user account form as typed: all text, so a wrong value can be shown again and corrected. Grants are
 * repeated rows; rows left empty are ignored, and {@link #grantRows()} remembers which row each requested
 * grant came from so that a problem reported as {@code grants[i]} lands next to the right row.
 */
public class UserForm {

    /** Rows the form shows at least, so that most grants need no "add row". */
    static final int MIN_GRANT_ROWS = 3;

    private String username;
    private String password;
    private String displayName;
    private String language = "kk";
    private String status = "ACTIVE";
    private String memberId;
    private List<GrantRow> grants = new ArrayList<>();

    public static class GrantRow {
        private String role;
        private String scope;

        public GrantRow() {
        }

        GrantRow(String role, String scope) {
            this.role = role;
            this.scope = scope;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getScope() {
            return scope;
        }

        public void setScope(String scope) {
            this.scope = scope;
        }

        boolean empty() {
            return blank(role) && blank(scope);
        }
    }

    static UserForm of(UserAccount account) {
        UserForm form = new UserForm();
        form.username = account.username();
        form.displayName = account.displayName();
        form.language = account.language();
        form.status = account.status().name();
        form.memberId = account.memberId() == null ? null : account.memberId().toString();
        for (RoleGrant g : account.grants()) {
            form.grants.add(new GrantRow(g.role().name(), g.scope()));
        }
        return form.padded(0);
    }

    /** The form with at least {@link #MIN_GRANT_ROWS} grant rows, and {@code extra} more empty ones. */
    UserForm padded(int extra) {
        if (grants == null) {
            grants = new ArrayList<>();
        }
        grants.removeIf(java.util.Objects::isNull);
        int wanted = Math.max(MIN_GRANT_ROWS, grants.size() + extra);
        while (grants.size() < wanted) {
            grants.add(new GrantRow());
        }
        return this;
    }

    /** The indexes of the rows that request a grant, in the order they are sent. */
    List<Integer> grantRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < grants.size(); i++) {
            if (grants.get(i) != null && !grants.get(i).empty()) {
                rows.add(i);
            }
        }
        return rows;
    }

    private List<GrantRequest> grantRequests() {
        return grantRows().stream().map(grants::get)
                .map(g -> new GrantRequest(trimmed(g.getRole()), trimmed(g.getScope()))).toList();
    }

    /** The linked member id, or null; a value that is not a number is rejected on the binding. */
    Long memberIdOrNull(BindingResult binding) {
        if (blank(memberId)) {
            return null;
        }
        String id = memberId.trim();
        if (!id.chars().allMatch(Character::isDigit) || id.length() > 18) {
            binding.rejectValue("memberId", "error.number");
            return null;
        }
        return Long.parseLong(id);
    }

    NewUser toNewUser(BindingResult binding) {
        return new NewUser(trimmed(username), password, displayName, language, memberIdOrNull(binding), grantRequests());
    }

    UserChanges toChanges(BindingResult binding) {
        return new UserChanges(displayName, language, status, memberIdOrNull(binding), grantRequests());
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getMemberId() {
        return memberId;
    }

    public void setMemberId(String memberId) {
        this.memberId = memberId;
    }

    public List<GrantRow> getGrants() {
        return grants;
    }

    public void setGrants(List<GrantRow> grants) {
        this.grants = grants;
    }
}
