package kz.qalqan.notification.internal;

import jakarta.mail.internet.MimeMessage;
import kz.qalqan.notification.Channel;
import kz.qalqan.notification.NotificationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring Mail; configured when {@code spring.mail.host} is. Acceptance by the SMTP server is the
 * receipt (there is no end-to-end delivery report). The idempotency key travels as {@code Idempotency-Key}.
 */
@Component
public class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = mail.getIfAvailable();
        this.from = properties.email().from();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
        return mail != null;
    }

    @Override
    public boolean reaches(Claimed message) {
        return message.email() != null && message.email().contains("@");
    }

    @Override
    public Sent send(Claimed m, String replyUrl) throws Exception {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(m.email());
        helper.setSubject(m.subject());
        helper.setText(m.body() + (replyUrl == null ? "" : "\n\n" + replyUrl));
        message.setHeader("Idempotency-Key", m.idempotencyKey());
        mail.send(message);
        return new Sent(null, true, "ACCEPTED");
    }
}
