package kz.qalqan.platform.web;

import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.shared.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTextsTests {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final ProblemTexts texts = new ProblemTexts(messages);

    {
        messages.addMessage("test.tooLong", Locale.forLanguageTag("en"), "at most {0} characters");
        messages.addMessage("test.tooLong", Locale.forLanguageTag("ru"), "не более {0} символов");
        messages.addMessage("test.tooLong", Locale.forLanguageTag("kk"), "{0} таңбадан аспауы керек");
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void withoutAcceptLanguageTheSignedInAccountsLanguageComesBeforeThePageLanguage() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                Map.of("accountLanguage", (AccountLanguage) () -> Optional.of(Language.RU)));
        ProblemTexts withAccount = new ProblemTexts(messages, beans.getBeanProvider(AccountLanguage.class));
        LocaleContextHolder.setLocale(Locale.forLanguageTag("kk"));
        MockHttpServletRequest bare = new MockHttpServletRequest();
        MockHttpServletRequest english = new MockHttpServletRequest();
        english.addHeader("Accept-Language", "en");

        assertThat(withAccount.locale(bare).getLanguage()).isEqualTo("ru");
        assertThat(withAccount.locale(english).getLanguage()).as("the header wins").isEqualTo("en");
        StaticListableBeanFactory nobody = new StaticListableBeanFactory(
                Map.of("accountLanguage", (AccountLanguage) Optional::empty));
        assertThat(new ProblemTexts(messages, nobody.getBeanProvider(AccountLanguage.class)).locale(new MockHttpServletRequest())
                .getLanguage()).as("nobody signed in: the page language").isEqualTo("kk");
    }

    @Test
    void saysACodedProblemInTheLanguageTheRequestAsksFor() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "de-DE;q=0.9, ru;q=0.8, en;q=0.5");

        List<FieldProblem> said = texts.translate(List.of(FieldProblem.of("name", "test.tooLong", 80)), request);

        assertThat(said).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("не более 80 символов");
            assertThat(p.code()).isEqualTo("test.tooLong");
            assertThat(p.args()).containsExactly(80);
        });
    }

    @Test
    void withoutAcceptLanguageUsesTheRequestsOwnLanguage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("kk"));

        String text = texts.text(ConflictException.coded("name", "test.tooLong", 5), "fallback", new MockHttpServletRequest());

        assertThat(text).isEqualTo("5 таңбадан аспауы керек");
    }

    @Test
    void keepsTheSentenceOfAnUncodedProblemAndAddsNoCode() {
        FieldProblem old = new FieldProblem("name", "is required");
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);

        texts.describe(body, new ConflictException("name", "taken"));

        assertThat(texts.translate(List.of(old), new MockHttpServletRequest())).containsExactly(old);
        assertThat(body.getProperties()).isNull();
        assertThat(ProblemTexts.plain(old)).isEqualTo(Map.of("field", "name", "message", "is required"));
    }

    @Test
    void describesCodeAndArgumentsForClients() {
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.CONFLICT);

        texts.describe(body, ConflictException.coded("status", "test.tooLong", 3, Locale.ROOT));

        assertThat(body.getProperties()).containsEntry("code", "test.tooLong").containsEntry("args", List.of(3, ""));
    }
}
