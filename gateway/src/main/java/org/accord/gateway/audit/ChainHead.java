package org.accord.gateway.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row holding the chain's latest index and hash; every append locks it. */
@Entity
@Table(name = "transfer_log_head")
class ChainHead {

    static final int ID = 1;

    @Id
    private Integer id;
    private long chainIndex;
    private String headHash;

    protected ChainHead() {
    }

    long chainIndex() {
        return chainIndex;
    }

    String headHash() {
        return headHash;
    }

    void advance(long index, String hash) {
        this.chainIndex = index;
        this.headHash = hash;
    }
}
