/**
 * Benchmarks run from the command line ({@code java -jar qalqan.jar bench <name> --count N}). Each one
 * measures a Qalqan operation against a bare baseline on the same data in the same run, prints a table
 * for people and ends with one JSON line for machines. By default a benchmark runs on a throwaway
 * embedded database so that it never touches the register.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benchmarks", allowedDependencies = {"shared", "platform", "registry", "demo", "readiness", "training", "notification", "emergency", "emergency :: selection", "identity", "audit"})
package kz.qalqan.bench;
