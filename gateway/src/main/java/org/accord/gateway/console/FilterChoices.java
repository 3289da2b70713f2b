package org.accord.gateway.console;

import org.accord.gateway.agreement.AgreementCatalogue;
import org.accord.gateway.agreement.AgreementSource;
import org.accord.gateway.audit.TransferLogSearch;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The choices the transfers and refusals filters offer: partners and codes seen in the log, agreements and record types in force. */
@Component
class FilterChoices {

    private final TransferLogSearch search;
    private final AgreementSource agreements;

    FilterChoices(TransferLogSearch search, AgreementSource agreements) {
        this.search = search;
        this.agreements = agreements;
    }

    void addTo(Model model) {
        AgreementCatalogue catalogue = agreements.current();
        model.addAttribute("partners", search.partners());
        model.addAttribute("agreements", catalogue.agreements().keySet().stream().sorted().toList());
        model.addAttribute("recordTypes", catalogue.agreements().values().stream()
                .flatMap(a -> a.flows().stream()).map(f -> f.recordType()).distinct().sorted().toList());
        model.addAttribute("events", TransferFilterForm.events());
        model.addAttribute("codes", search.codes());
    }
}
