package kz.qalqan.platform.web;

import kz.qalqan.shared.Language;

import java.util.Optional;

/**
 * The language the signed-in account chose, for texts said to a caller who named none ({@code Accept-Language}):
 * a script calling the API with a token is answered in its owner's language. Implemented by the identity module;
 * empty when nobody is signed in.
 */
public interface AccountLanguage {

    Optional<Language> current();
}
