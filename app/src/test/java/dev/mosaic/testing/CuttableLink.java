package dev.mosaic.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link to a server that a test can cut and restore, as a network partition, a crashed database host or a
 * restart of the database would: while cut, every open connection is reset and new ones are closed at once.
 */
public final class CuttableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private CuttableLink(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public static CuttableLink to(String host, int port) throws IOException {
        CuttableLink link = new CuttableLink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), host, port);
        Thread acceptor = new Thread(link::accept, "cuttable-link");
        acceptor.setDaemon(true);
        acceptor.start();
        return link;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void cut() {
        cut = true;
        open.forEach(CuttableLink::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                continue;
            }
            open.add(client);
            try {
                Socket server = new Socket(targetHost, targetPort);
                open.add(server);
                // Checked after registering: a cut() meanwhile has closed both or is seen here.
                if (cut) {
                    throw new IOException("the link is cut");
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // Cut, or the target refused: the client sees its connection end.
                open.remove(client);
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // One side went away; the other is closed below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "cuttable-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
