package kz.qalqan.emergency;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Objects;

/**
 * Reads one OASIS CAP 1.2 alert safely.
 * <ul>
 * <li>Input is bounded ({@link #MAX_BYTES}); larger messages are refused before parsing.</li>
 * <li>No DOCTYPE at all (so no DTDs, external general or parameter entities, or entity expansion bombs),
 * secure processing on, no XInclude, no external DTD or schema access, JDK expansion limits set.</li>
 * <li>Namespace-aware: the root must be {@code alert} in {@value #NAMESPACE}, with any prefix.</li>
 * <li>The encoding comes from the byte order mark or the XML declaration, as the XML spec says.</li>
 * <li>The message is validated against the bundled OASIS {@code CAP-v1.2.xsd}, then checked for what
 * the schema cannot say (dates, coordinates, polygon rings, circles, references).</li>
 * <li>Enveloped XML signatures ({@code ds:Signature}) are accepted by the schema and <b>ignored</b>:
 * they are not verified, so a parsed alert says nothing about who really sent it.</li>
 * </ul>
 * Thread-safe.
 */
public final class CapParser {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final int MAX_BYTES = 1024 * 1024;
    private static final String DEFAULT_LANGUAGE = "en-US";

    private final Schema schema;

    public CapParser() {
        this.schema = loadSchema();
    }

    public CapAlert parse(InputStream in) {
        byte[] bytes = readBounded(in);
        Document document = parseDocument(bytes);
        Element root = document.getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"alert".equals(root.getLocalName())) {
            throw InvalidCapException.coded("root element must be <alert> in namespace " + NAMESPACE + ", found <"
                    + root.getLocalName() + "> in " + (root.getNamespaceURI() == null ? "no namespace" : "namespace " + root.getNamespaceURI()),
                    null, "cap.root.notAlert", String.valueOf(root.getLocalName()));
        }
        validate(bytes);
        return alert(root);
    }

    // ---- safety ----

    private static byte[] readBounded(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw InvalidCapException.coded("message is larger than " + MAX_BYTES + " bytes (1 MiB); refused", null, "cap.message.tooLarge", MAX_BYTES);
            }
            if (bytes.length == 0) {
                throw InvalidCapException.coded("message is empty", null, "cap.message.empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parseDocument(byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("jdk.xml.entityExpansionLimit", "100");
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            builder.setErrorHandler(STRICT);
            return builder.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            throw InvalidCapException.coded("not well-formed or unsafe XML (no DOCTYPE or entities allowed) at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber(), e, "cap.xml.malformed", e.getLineNumber(),
                    e.getColumnNumber());
        } catch (SAXException e) {
            throw InvalidCapException.coded("unsafe or unreadable XML", e, "cap.xml.unreadable");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be made safe", e);
        } catch (IOException e) {
            throw InvalidCapException.coded("unreadable XML", e, "cap.xml.unreadable");
        }
    }

    private void validate(byte[] bytes) {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            XMLReader reader = f.newSAXParser().getXMLReader();
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(STRICT);
            validator.validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(bytes))));
        } catch (SAXParseException e) {
            String where = element(e.getMessage());
            throw InvalidCapException.coded("not valid CAP 1.2 at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + where + ": an element is missing, misplaced or has a value the CAP 1.2 schema does not allow", e,
                    "cap.schema.invalid", e.getLineNumber(), e.getColumnNumber(), where);
        } catch (SAXException e) {
            throw InvalidCapException.coded("not valid CAP 1.2", e, "cap.schema.unreadable");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be made safe", e);
        } catch (IOException e) {
            throw InvalidCapException.coded("unreadable XML", e, "cap.xml.unreadable");
        }
    }

    private static Schema loadSchema() {
        URL xsd = Objects.requireNonNull(CapParser.class.getResource("/emergency/CAP-v1.2.xsd"), "emergency/CAP-v1.2.xsd");
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(new StreamSource(xsd.openStream(), xsd.toExternalForm()));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot load the CAP 1.2 schema", e);
        }
    }

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static final Pattern SCHEMA_ELEMENT = Pattern.compile("element '\\{?(?:\"[^\"]*\":)?([A-Za-z][\\w.-]{0,40})}?'");
    private static final Pattern SCHEMA_VALUE = Pattern.compile("[Vv]alue '([^'\\p{Cntrl}]{0,60})'");

    /**
     * The element and the value a schema error names, as {@code ", element <senderName>"} or {@code ", value 'Testing'"};
     * the rest of the validator's text (its rule numbers and wording) is the parser's, not ours, and is not passed on.
     */
    private static String element(String message) {
        String text = message == null ? "" : message;
        Matcher element = SCHEMA_ELEMENT.matcher(text);
        Matcher value = SCHEMA_VALUE.matcher(text);
        return (element.find() ? ", element <" + element.group(1) + ">" : "")
                + (value.find() ? ", value '" + value.group(1) + "'" : "");
    }

    // ---- mapping (the schema has already checked structure and enumerations) ----

    private static CapAlert alert(Element e) {
        List<CapInfo> infos = new ArrayList<>();
        for (Element info : children(e, "info")) {
            infos.add(info(info));
        }
        return new CapAlert(text(e, "identifier"), text(e, "sender"), time(e, "sent"),
                CapAlert.Status.valueOf(text(e, "status")), CapAlert.MsgType.valueOf(text(e, "msgType")),
                CapAlert.Scope.valueOf(text(e, "scope")), text(e, "restriction"), addresses(text(e, "addresses")),
                references(text(e, "references")), infos);
    }

    private static CapInfo info(Element e) {
        String language = text(e, "language");
        List<CapInfo.Category> categories = children(e, "category").stream()
                .map(c -> CapInfo.Category.valueOf(c.getTextContent().trim())).toList();
        List<CapArea> areas = children(e, "area").stream().map(CapParser::area).toList();
        return new CapInfo(language == null || language.isEmpty() ? DEFAULT_LANGUAGE : language, categories,
                text(e, "event"), text(e, "urgency"), text(e, "severity"), text(e, "certainty"), text(e, "headline"),
                text(e, "description"), text(e, "instruction"), time(e, "effective"), time(e, "onset"),
                time(e, "expires"), areas);
    }

    private static CapArea area(Element e) {
        List<List<CapArea.Point>> polygons = children(e, "polygon").stream().map(p -> polygon(p.getTextContent())).toList();
        List<CapArea.Circle> circles = children(e, "circle").stream().map(c -> circle(c.getTextContent())).toList();
        List<CapArea.Geocode> geocodes = children(e, "geocode").stream()
                .map(g -> new CapArea.Geocode(text(g, "valueName"), text(g, "value"))).toList();
        return new CapArea(text(e, "areaDesc"), polygons, circles, geocodes);
    }

    private static List<CapArea.Point> polygon(String text) {
        String[] pairs = text.trim().split("\\s+");
        if (pairs.length < 4) {
            throw InvalidCapException.coded("polygon: needs at least 4 points (a closed ring), found " + pairs.length, null,
                    "cap.polygon.tooFewPoints", pairs.length);
        }
        List<CapArea.Point> points = new ArrayList<>();
        for (String pair : pairs) {
            points.add(point(pair, "polygon"));
        }
        if (!points.get(0).equals(points.get(points.size() - 1))) {
            throw InvalidCapException.coded("polygon: first and last points must be the same (a closed ring)", null, "cap.polygon.notClosed");
        }
        return points;
    }

    private static CapArea.Circle circle(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw InvalidCapException.coded("circle: must be 'lat,lon radius', found '" + shorten(text.trim()) + "'", null,
                    "cap.circle.format", shorten(text.trim()));
        }
        double radius;
        try {
            radius = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw InvalidCapException.coded("circle: radius '" + shorten(parts[1]) + "' is not a number", null,
                    "cap.circle.radiusNotNumber", shorten(parts[1]));
        }
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw InvalidCapException.coded("circle: radius must be 0 or more kilometres, found " + parts[1], null,
                    "cap.circle.radiusNegative", shorten(parts[1]));
        }
        return new CapArea.Circle(point(parts[0], "circle"), radius);
    }

    private static CapArea.Point point(String pair, String element) {
        String[] ll = pair.split(",");
        try {
            if (ll.length != 2) {
                throw new NumberFormatException();
            }
            double lat = Double.parseDouble(ll[0]);
            double lon = Double.parseDouble(ll[1]);
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
                throw InvalidCapException.coded(element + ": point '" + shorten(pair) + "' is outside -90..90 latitude or -180..180 longitude",
                        null, "cap.point.outOfRange", element, shorten(pair));
            }
            return new CapArea.Point(lat, lon);
        } catch (NumberFormatException e) {
            throw InvalidCapException.coded(element + ": point '" + shorten(pair) + "' is not 'latitude,longitude'", null,
                    "cap.point.format", element, shorten(pair));
        }
    }

    private static List<CapAlert.Reference> references(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<CapAlert.Reference> refs = new ArrayList<>();
        for (String token : text.split("\\s+")) {
            String[] parts = token.split(",");
            if (parts.length != 3) {
                throw InvalidCapException.coded("references: '" + shorten(token) + "' is not 'sender,identifier,sent'", null,
                        "cap.references.format", shorten(token));
            }
            refs.add(new CapAlert.Reference(parts[0], parts[1], parseTime("references", parts[2])));
        }
        return refs;
    }

    /** Space-separated addresses; a multi-word address is in double quotes. */
    private static List<String> addresses(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(text);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    private static OffsetDateTime time(Element parent, String name) {
        String text = text(parent, name);
        return text == null || text.isEmpty() ? null : parseTime(name, text);
    }

    private static OffsetDateTime parseTime(String element, String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidCapException.coded(element + ": '" + shorten(text) + "' is not a date-time like 2026-01-31T10:15:00+05:00",
                    null, "cap.dateTime.format", element, shorten(text));
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && NAMESPACE.equals(child.getNamespaceURI()) && name.equals(child.getLocalName())) {
                out.add(child);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
