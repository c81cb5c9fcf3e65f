package kz.qalqan.incident;

/** Where on the body an injury is; medical-sensitive on a single incident, shown only in aggregate otherwise. */
public enum BodyRegion {
    HEAD, NECK, SHOULDER, ARM, HAND, CHEST, BACK, HIP, KNEE, LEG, ANKLE, FOOT, MULTIPLE, OTHER
}
