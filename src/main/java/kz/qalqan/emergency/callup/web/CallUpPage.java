package kz.qalqan.emergency.callup.web;

import jakarta.annotation.PreDestroy;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.callup.CallUpProgress;
import kz.qalqan.emergency.callup.CallUpProperties;
import kz.qalqan.emergency.callup.CallUps;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The coordinator's call-up board: a live progress bar (server-sent events every 2 s from
 * {@code /emergencies/{id}/callup/stream}, read by {@code /js/callup-progress.js}), the answers and the silent.
 */
@Controller
class CallUpPage {

    private static final long PUSH_SECONDS = 2;

    private final CallUps callUps;
    private final Emergencies emergencies;
    private final CallUpProperties properties;
    private final JsonMapper json;
    private final ScheduledExecutorService pushers = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "callup-stream");
        t.setDaemon(true);
        return t;
    });

    CallUpPage(CallUps callUps, Emergencies emergencies, CallUpProperties properties, JsonMapper json) {
        this.callUps = callUps;
        this.emergencies = emergencies;
        this.properties = properties;
        this.json = json;
    }

    @PreDestroy
    void stop() {
        pushers.shutdownNow();
    }

    @GetMapping("/emergencies/{id}/callup")
    String board(@PathVariable long id, Model model) {
        Emergency emergency = emergencies.find(id);
        model.addAttribute("emergency", emergency);
        model.addAttribute("progress", callUps.progress(id));
        return "emergency/callup/progress";
    }

    /**
     * Progress as server-sent events ({@code progress}, JSON counts), every 2 s while the stream lasts; the browser
     * reconnects after it ends. A client that does not ask for {@code text/event-stream} gets one event.
     */
    @GetMapping("/emergencies/{id}/callup/stream")
    SseEmitter stream(@PathVariable long id, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        CallUpProgress first = callUps.progress(id, false);
        boolean live = accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
        SseEmitter emitter = new SseEmitter(live ? properties.streamLifetime().toMillis() : 5_000L);
        emitter.send(event(first));
        if (!live) {
            emitter.complete();
            return emitter;
        }
        // the pusher reads as the signed-in viewer (scope and audit actor), never as the system
        SecurityContext viewer = SecurityContextHolder.getContext();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(pushers.scheduleWithFixedDelay(() -> {
            SecurityContextHolder.setContext(viewer);
            try {
                emitter.send(event(callUps.progress(id, false)));
            } catch (Exception e) {
                // the browser went away or the emergency is no longer visible: end this stream
                emitter.complete();
                ScheduledFuture<?> f = task.get();
                if (f != null) {
                    f.cancel(false);
                }
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, PUSH_SECONDS, PUSH_SECONDS, TimeUnit.SECONDS));
        Runnable stop = () -> {
            ScheduledFuture<?> f = task.get();
            if (f != null) {
                f.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        return emitter;
    }

    private SseEmitter.SseEventBuilder event(CallUpProgress p) {
        Map<String, Object> data = Map.of("total", p.total(), "answeredPercent", p.total().percentAnswered(),
                "sentPercent", p.total().percentSent(), "answered", p.total().answered(), "activations", p.activations(),
                "callUps", p.callUps().size());
        return SseEmitter.event().name("progress").reconnectTime(PUSH_SECONDS * 1000)
                .data(json.writeValueAsString(data), MediaType.APPLICATION_JSON);
    }
}
