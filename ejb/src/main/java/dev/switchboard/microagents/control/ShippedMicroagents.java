package dev.switchboard.microagents.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The agents Switchboard itself brings: the folder MICROAGENTS_DIR ({@code microagents.dir}) names, read anew on
 * each load so an operator's edit applies at once; without it the defaults in this module's
 * {@code microagents/} resources. Those are listed in {@code microagents/index} because a class loader cannot
 * list a folder inside a jar inside an EAR.
 */
@ApplicationScoped
public class ShippedMicroagents {

    static final String RESOURCES = "microagents/";

    public LoadedSource load() {
        Optional<String> dir = ConfigProvider.getConfig().getOptionalValue("microagents.dir", String.class)
                .filter(d -> !d.isBlank());
        return dir.isPresent() ? fromFolder(Path.of(dir.get())) : fromResources();
    }

    static LoadedSource fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new LoadedSource(MicroagentSource.SHIPPED, List.of(), List.of(new MicroagentLoadError(
                    MicroagentSource.SHIPPED, folder.toString(), 0, "MICROAGENTS_DIR is not a readable folder")));
        }
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (MicroagentFolder.isAgentFile(relative)) {
                    files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return new LoadedSource(MicroagentSource.SHIPPED, List.of(), List.of(new MicroagentLoadError(
                    MicroagentSource.SHIPPED, folder.toString(), 0, "MICROAGENTS_DIR could not be read: " + e.getMessage())));
        }
        return MicroagentFolder.load(MicroagentSource.SHIPPED, "", files, List.of());
    }

    static LoadedSource fromResources() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : resource("index").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            files.put(name, resource(name));
        }
        return MicroagentFolder.load(MicroagentSource.SHIPPED, "", files, List.of());
    }

    private static String resource(String name) {
        try (InputStream in = ShippedMicroagents.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the shipped microagent " + RESOURCES + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
