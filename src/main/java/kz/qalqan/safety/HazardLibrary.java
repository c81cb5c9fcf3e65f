package kz.qalqan.safety;

import kz.qalqan.safety.internal.HazardLibraryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** The hazard library: typical hazards per activity type with suggested controls (reference data). */
@Service
@Transactional(readOnly = true)
public class HazardLibrary {

    private final HazardLibraryRepository repository;

    HazardLibrary(HazardLibraryRepository repository) {
        this.repository = repository;
    }

    public List<HazardTemplate> forActivity(kz.qalqan.shared.ActivityType type) {
        return repository.forActivity(type);
    }

    public List<HazardTemplate> all() {
        return repository.all();
    }

    public Optional<HazardTemplate> find(String code) {
        return code == null ? Optional.empty() : repository.find(code.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
