package kz.qalqan.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.platform.FieldProblem;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before any controller or security rule sees them, the requests no endpoint can read: a body larger than
 * its endpoint class allows ({@link RequestLimits}, 413), a body whose {@code Content-Type} is malformed or a
 * wildcard (415), parameters that are not valid percent-encoded UTF-8 or that carry a NUL character (400; PostgreSQL
 * cannot store NUL). Each answer is problem+json with a code, like every other refusal of the API.
 */
@Component
@Order(-110) // after the character-encoding and form-content filters, before Spring Security (-100)
@EnableConfigurationProperties(RequestLimits.class)
class RequestInputFilter extends OncePerRequestFilter {

    private static final List<MediaType> CAP_TYPES = List.of(MediaType.APPLICATION_XML, MediaType.TEXT_XML,
            MediaType.parseMediaType("application/cap+xml"));
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final RequestLimits limits;
    private final ProblemTexts texts;
    private final JsonMapper json;

    RequestInputFilter(RequestLimits limits, ProblemTexts texts, JsonMapper json) {
        this.limits = limits;
        this.texts = texts;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType contentType;
        try {
            contentType = contentType(request);
        } catch (InvalidMediaTypeException e) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "request.contentType.invalid", request.getContentType());
            return;
        }
        long limit = limit(contentType).toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "request.tooLarge", limit);
            return;
        }
        if (contentType == null || !MediaType.MULTIPART_FORM_DATA.includes(contentType)) {
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException e) {
                // Tomcat's InvalidParameterException (bad %-encoding, not UTF-8, too many parameters) is one of these
                refuse(request, response, HttpStatus.BAD_REQUEST, "validation", "request.parameters.unreadable");
                return;
            }
            for (Map.Entry<String, String[]> p : parameters.entrySet()) {
                if (hasNul(p.getKey()) || java.util.Arrays.stream(p.getValue()).anyMatch(RequestInputFilter::hasNul)) {
                    refuseField(request, response, printable(p.getKey()), "input.nul");
                    return;
                }
            }
        }
        chain.doFilter(declared >= 0 || !hasBody(request) ? request : new BoundedRequest(request, limit), response);
    }

    /** The declared type of a body; a wildcard names no type at all and no converter can read it. */
    private static MediaType contentType(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            return null;
        }
        MediaType type = MediaType.parseMediaType(header);
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new InvalidMediaTypeException(header, "a body's type cannot be a wildcard");
        }
        return type;
    }

    private org.springframework.util.unit.DataSize limit(MediaType type) {
        if (type == null) {
            return limits.json();
        }
        if (CAP_TYPES.stream().anyMatch(t -> t.includes(type))) {
            return limits.cap();
        }
        if (MediaType.MULTIPART_FORM_DATA.includes(type) || CSV.includes(type)) {
            return limits.csv();
        }
        return limits.json();
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method);
    }

    private static boolean hasNul(String s) {
        return s != null && s.indexOf('\u0000') >= 0;
    }

    private static String printable(String s) {
        String clean = s.replace('\u0000', '?');
        return clean.length() > 60 ? clean.substring(0, 60) : clean;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                        String code, Object... args) throws IOException {
        FieldProblem said = texts.translate(List.of(FieldProblem.of(null, code, args)), request).get(0);
        ProblemDetail body = ApiExceptionHandler.problem(status, type, status.getReasonPhrase(), said.message());
        texts.describe(body, said);
        write(request, response, body);
    }

    private void refuseField(HttpServletRequest request, HttpServletResponse response, String field, String code)
            throws IOException {
        FieldProblem said = texts.translate(List.of(FieldProblem.of(field, code)), request).get(0);
        write(request, response, ApiExceptionHandler.validation(List.of(said)).getBody());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail body) throws IOException {
        body.setInstance(java.net.URI.create(request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "_")));
        response.setStatus(body.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    /** A body without a declared length, counted as it streams in. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
