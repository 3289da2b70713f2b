package org.accord.gateway.crypto;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

final class BouncyCastle {

    static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

    private BouncyCastle() {
    }

    static synchronized String provider() {
        Provider installed = Security.getProvider(PROVIDER);
        if (installed == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        return PROVIDER;
    }
}
