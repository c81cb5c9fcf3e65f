package kz.qalqan.platform.security;

import kz.qalqan.shared.Role;

/** Kinds of confidential data, each with the role that may read it (besides the person it is about). */
public enum Sensitivity {

    /** Medical details: medical officers in scope and the member themselves. */
    MEDICAL(Role.MEDICAL_OFFICER);

    private final Role reader;

    Sensitivity(Role reader) {
        this.reader = reader;
    }

    public Role reader() {
        return reader;
    }
}
