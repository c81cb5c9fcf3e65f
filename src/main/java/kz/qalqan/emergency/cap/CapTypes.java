package kz.qalqan.emergency.cap;

import kz.qalqan.emergency.CapInfo;
import kz.qalqan.emergency.EmergencyType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emergency type a CAP info block describes: by keywords of its event and headline (English, Russian, Kazakh),
 * else by its first category (Met → storm, Fire → wildfire, CBRNE → CBRN, Security → crisis), else OTHER.
 */
final class CapTypes {

    private static final Map<EmergencyType, List<String>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put(EmergencyType.MUDFLOW, List.of("mudflow", "debris flow", "landslide", "сель", "оползень", "сел ", "көшкін"));
        KEYWORDS.put(EmergencyType.FLOOD, List.of("flood", "tsunami", "reservoir", "dam release", "high water", "наводнен",
                "паводок", "паводк", "подтоплен", "цунами", "су тасқын", "су басу"));
        KEYWORDS.put(EmergencyType.EARTHQUAKE, List.of("earthquake", "seismic", "землетрясен", "сейсм", "жер сілкін"));
        KEYWORDS.put(EmergencyType.WILDFIRE, List.of("wildfire", "bushfire", "forest fire", "grass fire", "fire", "пожар",
                "өрт"));
        KEYWORDS.put(EmergencyType.CBRN, List.of("chemical", "radiolog", "nuclear", "biological", "hazmat", "toxic",
                "химическ", "радиац", "радиолог", "ядерн"));
        KEYWORDS.put(EmergencyType.INDUSTRIAL_ACCIDENT, List.of("industrial", "explosion", "gas leak", "pipeline",
                "авария", "взрыв", "апат", "жарылыс"));
        KEYWORDS.put(EmergencyType.STORM, List.of("storm", "wind", "snow", "blizzard", "tornado", "cyclone", "typhoon",
                "hurricane", "thunder", "hail", "буря", "шторм", "ураган", "метель", "буран", "снег", "ветер", "дауыл",
                "боран"));
        KEYWORDS.put(EmergencyType.CRISIS, List.of("civil emergency", "civil danger", "terror", "evacuation", "шабуыл",
                "теракт", "эвакуац"));
    }

    private CapTypes() {
    }

    static EmergencyType typeOf(CapInfo info) {
        String text = (" " + (info.event() == null ? "" : info.event()) + " " + (info.headline() == null ? "" : info.headline())
                + " ").toLowerCase(Locale.ROOT);
        for (Map.Entry<EmergencyType, List<String>> e : KEYWORDS.entrySet()) {
            for (String word : e.getValue()) {
                if (text.contains(word)) {
                    return e.getKey();
                }
            }
        }
        if (info.categories().isEmpty()) {
            return EmergencyType.OTHER;
        }
        return switch (info.categories().get(0)) {
            case Met -> EmergencyType.STORM;
            case Fire -> EmergencyType.WILDFIRE;
            case CBRNE -> EmergencyType.CBRN;
            case Security -> EmergencyType.CRISIS;
            case Infra -> EmergencyType.INDUSTRIAL_ACCIDENT;
            default -> EmergencyType.OTHER;
        };
    }
}
