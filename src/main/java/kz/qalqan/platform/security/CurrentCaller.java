package kz.qalqan.platform.security;

import kz.qalqan.shared.Caller;

/**
 * The caller of the current request or command. Implemented by the identity module from the
 * authenticated principal; command-line tasks and background jobs run as {@link Caller#SYSTEM}.
 */
public interface CurrentCaller {

    Caller get();
}
