package kz.qalqan.notification;

import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-process SMSC built with jSMPP's server side: accepts binds, takes submit_sm (remembering the text and the
 * idempotency TLV), sends a delivery receipt for each, and can send a member's text (mobile originated) back.
 */
public final class SmscStub implements AutoCloseable {

    public record Submitted(String messageId, String to, String text, String idempotencyKey) {
    }

    private final SMPPServerSessionListener listener;
    private final int port;
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();
    private final java.util.concurrent.ScheduledExecutorService receipts = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean running = true;

    public SmscStub() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        Thread acceptor = new Thread(() -> {
            while (running) {
                try {
                    SMPPServerSession session = listener.accept();
                    BindRequest bind = session.waitForBind(5000);
                    bind.accept("stub");
                    sessions.add(session);
                } catch (Exception e) {
                    if (!running) {
                        return;
                    }
                }
            }
        }, "smsc-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return port;
    }

    public List<Submitted> submitted() {
        return submitted;
    }

    /** A text from a member's phone to the service. */
    public void moFrom(String phone, String text) throws Exception {
        SMPPServerSession session = sessions.stream().filter(s -> s.getSessionState().isBound()).findFirst().orElseThrow();
        session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, phone.replace("+", ""),
                TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "QALQAN", new ESMClass(), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false),
                text.getBytes(StandardCharsets.UTF_16BE));
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            MessageId id = ids.newMessageId();
            byte[] bytes = submitSm.getShortMessage();
            OptionalParameter payload = submitSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            if ((bytes == null || bytes.length == 0) && payload instanceof OptionalParameter.OctetString o) {
                bytes = o.getValue();
            }
            String text = (submitSm.getDataCoding() & 0x0C) == 0x08 ? new String(bytes, StandardCharsets.UTF_16BE)
                    : new String(bytes, StandardCharsets.ISO_8859_1);
            OptionalParameter key = submitSm.getOptionalParameter((short) 0x1401);
            String idempotencyKey = key instanceof OptionalParameter.OctetString o ? o.getValueAsString() : null;
            submitted.add(new Submitted(id.getValue(), "+" + submitSm.getDestAddress(), text, idempotencyKey));
            String to = submitSm.getDestAddress();
            receipts.schedule(() -> {
                try {
                    DeliveryReceipt receipt = new DeliveryReceipt(id.getValue(), 1, 1, new Date(), new Date(),
                            DeliveryReceiptState.DELIVRD, "000", "");
                    source.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to,
                            TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "QALQAN",
                            new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                            (byte) 0, (byte) 0, new RegisteredDelivery(0), GeneralDataCoding.DEFAULT,
                            receipt.toString().getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    // the client went away; the test notices the missing receipt
                }
            }, 50, TimeUnit.MILLISECONDS);
            return new SubmitSmResult(id, new OptionalParameter[0]);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        receipts.shutdownNow();
        sessions.forEach(SMPPServerSession::unbindAndClose);
        listener.close();
    }
}
