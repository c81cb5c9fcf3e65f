package kz.qalqan.notification.internal;

import kz.qalqan.notification.Channel;
import kz.qalqan.notification.MessageDelivered;
import kz.qalqan.notification.NotificationProperties;
import kz.qalqan.notification.Notifications;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * SMS over SMPP 3.4 (jSMPP): one transceiver session per node, bound on first use and again after a drop.
 * submit_sm asks for a delivery receipt; the SMSC's message id is kept as a SUBMITTED receipt so that the
 * deliver_sm receipt that follows finds its message. Any other deliver_sm is a member's text: reply keywords.
 * The idempotency key goes in a private TLV (0x1401) for SMSCs that honour it; SMPP itself has no such field.
 */
@Component
public class SmppGateway implements ChannelSender, DisposableBean {

    static final short IDEMPOTENCY_TLV = 0x1401;
    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);

    private final NotificationProperties.Sms settings;
    private final OutboxRepository outbox;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smpp-receipts");
        t.setDaemon(true);
        return t;
    });
    private SMPPSession session;

    SmppGateway(NotificationProperties properties, OutboxRepository outbox, @Lazy Notifications notifications,
                ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.settings = properties.sms();
        this.outbox = outbox;
        this.notifications = notifications;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public boolean reaches(Claimed message) {
        return message.phone() != null && message.phone().matches("\\+?[0-9]{10,15}");
    }

    @Override
    public Sent send(Claimed m, String replyUrl) throws Exception {
        String text = m.body() + (replyUrl == null ? "" : " " + replyUrl);
        boolean plain = text.chars().allMatch(c -> c < 128);
        byte[] bytes = plain ? text.getBytes(StandardCharsets.US_ASCII) : text.getBytes(StandardCharsets.UTF_16BE);
        DataCoding coding = plain ? new GeneralDataCoding(Alphabet.ALPHA_DEFAULT, MessageClass.CLASS1, false)
                : new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false);
        boolean payload = bytes.length > 140;
        String id = session().submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                settings.sourceAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                m.phone().replace("+", ""), new ESMClass(), (byte) 0, (byte) 1, null, null,
                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, coding, (byte) 0,
                payload ? new byte[0] : bytes,
                payload ? new OptionalParameter[]{
                        new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), bytes),
                        new OptionalParameter.OctetString(IDEMPOTENCY_TLV, m.idempotencyKey())}
                        : new OptionalParameter[]{new OptionalParameter.OctetString(IDEMPOTENCY_TLV, m.idempotencyKey())})
                .getMessageId();
        return new Sent(id, false, "SUBMITTED");
    }

    private synchronized SMPPSession session() throws Exception {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        if (session != null) {
            session.close();
        }
        SMPPSession s = new SMPPSession();
        s.setTransactionTimer(settings.timeout().toMillis());
        s.setEnquireLinkTimer(30_000);
        s.setMessageReceiverListener(new Receiver());
        s.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, settings.systemId(),
                settings.password(), "qalqan", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        session = s;
        return s;
    }

    /** A receipt or a member's text from the SMSC. */
    private final class Receiver implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            try {
                if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                    DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                    String status = receipt.getFinalStatus() == DeliveryReceiptState.DELIVRD ? "DELIVERED"
                            : receipt.getFinalStatus().name();
                    receipt(receipt.getId(), status, 0);
                } else {
                    String text = decode(deliverSm.getShortMessage(), deliverSm.getDataCoding());
                    notifications.replyBySms(deliverSm.getSourceAddr(), text);
                }
            } catch (Exception e) {
                log.warn("could not take a deliver_sm from the SMSC: {}", e.toString());
                throw new ProcessRequestException(e.getMessage(), 0x08); // ESME_RSYSERR: the SMSC retries
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", 0x03);
        }
    }

    /**
     * Records a delivery receipt. A receipt can overtake the batch that records the submit; it is then tried
     * again a few times before it is given up (logged).
     */
    void receipt(String externalId, String status, int tries) {
        var delivered = tx.execute(s -> {
            var found = outbox.receiptFor(Channel.SMS, externalId, status, clock.instant());
            found.filter(d -> d.fresh() && status.equals("DELIVERED")).ifPresent(d ->
                    events.publishEvent(new MessageDelivered(d.messageId(), d.correlationId(), d.memberId(), Channel.SMS)));
            return found.isPresent();
        });
        if (!Boolean.TRUE.equals(delivered)) {
            if (tries < 10) {
                later.schedule(() -> receipt(externalId, status, tries + 1), 500L * (tries + 1), TimeUnit.MILLISECONDS);
            } else {
                log.warn("SMS receipt {} for unknown message id {}", status, externalId);
            }
        }
    }

    static String decode(byte[] bytes, byte dataCoding) {
        if (bytes == null) {
            return "";
        }
        return (dataCoding & 0x0C) == 0x08 ? new String(bytes, StandardCharsets.UTF_16BE)
                : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public synchronized void destroy() {
        later.shutdownNow();
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }
}
