package org.accord.gateway.agreement;

import java.util.List;

/**
 * A lawful basis with its conditions.
 *
 * @param code       {@code UK-GDPR-6-1-e}, {@code UK-GDPR-9-2-g}, {@code UK-GDPR-10} or {@code DPA-2018-Pt3-s35}
 * @param conditions DPA 2018 Sch. 1 Pt 2 conditions ({@code DPA-2018-Sch1-Pt2-para6|10|18}) for Art. 9(2)(g) and
 *                   Art. 10, or Sch. 8 conditions ({@code DPA-2018-Sch8-para1..4}) for s.35; empty for Art. 6(1)(e)
 */
public record LawfulBasis(String code, List<String> conditions) {

    public LawfulBasis {
        conditions = List.copyOf(conditions);
    }
}
