package org.accord.gateway.support;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;

/**
 * A separate Artemis broker on a free local port, for tests of what the gateway hands to a broker that is not its
 * embedded one: a partner's JMS hub, or the gateway's own broker going away. Non-persistent; it can be stopped and
 * started again on the same address. With a login, only that user may connect (test fixture credentials only).
 */
public final class TestBroker implements AutoCloseable {

    private static final String PROPERTY = "AccordTransferId";

    private final Path journal;
    private final String url;
    private final String user;
    private final String password;
    private EmbeddedActiveMQ broker;

    private TestBroker(Path journal, String user, String password) throws Exception {
        this.journal = journal;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.url = "tcp://127.0.0.1:" + socket.getLocalPort();
        }
        this.user = user;
        this.password = password;
    }

    /** A broker anyone on the machine may use, started. */
    public static TestBroker open(Path journal) throws Exception {
        TestBroker broker = new TestBroker(journal, null, null);
        broker.start();
        return broker;
    }

    /** A broker that takes only {@code user} with {@code password}, started. */
    public static TestBroker withLogin(Path journal, String user, String password) throws Exception {
        TestBroker broker = new TestBroker(journal, user, password);
        broker.start();
        return broker;
    }

    /** Its {@code tcp://} address, the same across a stop and a start. */
    public String url() {
        return url;
    }

    public void start() throws Exception {
        Configuration configuration = new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(user != null)
                .setJournalDirectory(journal.toString()).addAcceptorConfiguration("tcp", url);
        EmbeddedActiveMQ started = new EmbeddedActiveMQ().setConfiguration(configuration);
        if (user != null) {
            configuration.putSecurityRoles("#", Set.of(new Role("partner", true, true, true, true, true, true, true, true, true, true, false, false)));
            ActiveMQSecurityManagerImpl security = new ActiveMQSecurityManagerImpl();
            security.getConfiguration().addUser(user, password);
            security.getConfiguration().addRole(user, "partner");
            started.setSecurityManager(security);
        }
        started.start();
        broker = started;
    }

    public void stop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /**
     * Takes the next message on {@code queue} carrying transfer {@code transferId}, or any message there when it is
     * null, waiting up to a minute; null when none came.
     */
    public Received receive(String queue, String transferId) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(url, user, password).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = transferId == null ? session.createConsumer(session.createQueue(queue))
                    : session.createConsumer(session.createQueue(queue), PROPERTY + " = '" + transferId + "'");
            BytesMessage message = (BytesMessage) consumer.receive(60_000);
            if (message == null) {
                return null;
            }
            byte[] body = new byte[(int) message.getBodyLength()];
            message.readBytes(body);
            return new Received(message.getStringProperty(PROPERTY), message.getJMSPriority(), body);
        }
    }

    /** A message as the partner took it from the queue. */
    public record Received(String transferId, int priority, byte[] body) {
    }
}
