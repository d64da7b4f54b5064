import ArgumentParser

/// Entry point shared by the executable and in-process tests.
public enum ReserveMain {
    public static func run() {
        Reserve.main()
    }
}
