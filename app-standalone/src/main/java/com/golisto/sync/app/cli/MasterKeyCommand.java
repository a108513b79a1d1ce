package com.golisto.sync.app.cli;

import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.app.config.StateConfig;
import com.golisto.sync.app.wiring.Runner;
import com.golisto.sync.core.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code master-key rotate}. */
@Command(name = "master-key", mixinStandardHelpOptions = true,
        description = "Manages the master key that encrypts every stored secret.",
        subcommands = MasterKeyCommand.Rotate.class)
final class MasterKeyCommand extends RunnerCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(cli().err());
        return ExitCodes.USAGE;
    }

    /**
     * {@code master-key rotate}: re-encrypts every stored secret under a new key, then replaces the key file,
     * keeping the old key beside it as {@code <file>.previous}. Refuses while a runner uses the state store.
     */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Generates a new master key, re-encrypts every stored secret under it, then replaces"
                    + " the key file; the old key is kept in <file>.previous (owner-only) until you delete it.",
                    "Stop the runner first: the state store must not be in use. Keys are never printed."})
    static final class Rotate extends RunnerCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            RunnerConfig cfg = loadConfig();
            Path file = cfg.state().masterKeyFile();
            Path previousFile = file.resolveSibling(file.getFileName() + ".previous");
            Path newFile = file.resolveSibling(file.getFileName() + ".new");
            if (!Files.exists(file)) {
                throw new CommandFailedException("there is no master key at " + file + ": nothing to rotate");
            }
            if (Files.exists(previousFile)) {
                throw new CommandFailedException(previousFile + " exists from an earlier rotation: delete it (once no"
                        + " backup needs it) before rotating again");
            }
            refuseWhileServing(cfg);
            MasterKey previous = MasterKey.fromFile(file);
            MasterKey next = MasterKey.generate();
            writeOwnerOnly(newFile, next);
            int resealed;
            // without the configured stores: registering them would seal their secrets under the new key before
            // the re-encryption, which then finds values the previous key cannot open
            RunnerConfig withNewKey = new RunnerConfig(cfg.server(),
                    new StateConfig(cfg.state().dataDir(), cfg.state().jdbcUrl(), newFile), cfg.golisto(), cfg.sync(),
                    List.of(), cfg.retention(), cfg.health(), cfg.log(), cfg.plugins());
            try (Runner runner = openRunner(withNewKey, false)) {
                resealed = runner.engine().reencryptSecrets(previous);
            } catch (RuntimeException e) {
                // nothing was re-sealed (one transaction): the current key stays the only one
                deleteQuietly(newFile);
                if (StateStoreLock.isLocked(e)) {
                    throw new CommandFailedException("the state store is in use by another process (a running runner?):"
                            + " stop it and rotate again");
                }
                throw e;
            }
            try {
                writeOwnerOnly(previousFile, previous);
                Files.move(newFile, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (UncheckedIOException | IOException e) {
                throw new CommandFailedException("the stored secrets are re-encrypted under the new key, which is in "
                        + newFile + ", but replacing " + file + " failed (" + e.getMessage() + "): move " + newFile
                        + " to " + file + " before starting the runner");
            }
            out().println("Re-encrypted " + resealed + " stored secret" + (resealed == 1 ? "" : "s")
                    + " under a new master key (id " + next.id() + "), now in " + file + ".");
            out().println("The previous key (id " + previous.id() + ") is kept in " + previousFile
                    + ": delete it once no backup of the state store needs it.");
            return ExitCodes.OK;
        }

        private static void refuseWhileServing(RunnerConfig cfg) {
            RemoteOperations.find(cfg).ifPresent(remote -> {
                remote.close();
                throw new CommandFailedException("a runner is serving on this state store at " + remote.where()
                        + ": stop it, rotate, then start it again");
            });
        }

        /** Writes the key, base64, to a fresh owner-only temporary file, then moves it into place atomically. */
        private static void writeOwnerOnly(Path target, MasterKey key) {
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            byte[] material = key.secretKey().getEncoded();
            try {
                Files.deleteIfExists(tmp);
                if (tmp.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(tmp);
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(material) + "\n", StandardCharsets.US_ASCII,
                        StandardOpenOption.TRUNCATE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteQuietly(tmp);
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            } finally {
                Arrays.fill(material, (byte) 0);
            }
        }

        private static void deleteQuietly(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: a stale temporary key file is overwritten by the next attempt
            }
        }
    }
}
