package kz.qalqan.shared;

public enum Sex { MALE, FEMALE }
