package dev.switchboard.microagents.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a repository's commit yielded, kept in memory per node: a commit's files never change, so an entry is
 * valid for good and only the size bound (MICROAGENTS_CACHE_ENTRIES, default 500, least recently used out) limits
 * it. Each load still resolves the ref with the caller's own credential first, so an entry is only ever reached by
 * someone the platform just let see that repository. A restart or another node starts empty, which only costs
 * the platform reads again.
 */
@ApplicationScoped
public class MicroagentCache {

    private final Map<String, LoadedSource> entries = new LinkedHashMap<>(64, 0.75f, true);

    /** Loads outside the lock (platform calls are slow); two concurrent misses both load, the second one wins. */
    public LoadedSource get(String key, Supplier<LoadedSource> load) {
        synchronized (entries) {
            LoadedSource cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        LoadedSource loaded = load.get();
        synchronized (entries) {
            entries.put(key, loaded);
            int max = maxEntries();
            var oldest = entries.keySet().iterator();
            while (entries.size() > max && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
        return loaded;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static int maxEntries() {
        return Math.max(1, ConfigProvider.getConfig().getOptionalValue("microagents.cache.entries", Integer.class)
                .orElse(500));
    }
}
