package org.accord.gateway.redaction.scrub;

import static org.accord.gateway.redaction.scrub.ScrubAssertions.identifiers;
import static org.accord.gateway.redaction.scrub.ScrubAssertions.withNames;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Identifiers written to dodge a pattern, and ordinary text built from the same words, which must stay. */
class EvasiveIdentifierScrubTests {

    @ParameterizedTest
    @ValueSource(strings = {"kasia dot nowak at gmail dot com", "kasia [at] outlook [dot] com", "kasia(at)protonmail.com",
            "kasia @ gmail.com", "k.nowak at hotmail dot co dot uk", "kasia (at) mail (dot) com", "kasia{at}yahoo{dot}com",
            "kasia underscore n at gmail dot com", "kasia.n at gmail.com", "KASIA AT GMAIL DOT COM"})
    void whenAnEmailIsSpelledOutOrBracketedThenItIsReplaced(String email) {
        assertThat(identifiers("Write to " + email + " please.")).isEqualTo("Write to [EMAIL] please.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"She was at college dot com.", "We met at home.", "He works at Tesco.com on Saturdays.",
            "Contact the tutor at northbridge.ac.uk for that.", "Meet at 3 dot on the hour.", "Look at gmail later."})
    void whenAtAndDotAreOrdinaryWordsThenTextIsLeftAlone(String text) {
        assertThat(identifiers(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "His insta is jay_k_2004 apparently.|His insta is [HANDLE] apparently.",
            "Telegram username darkfox99, since May.|Telegram username [HANDLE], since May.",
            "He posts as northside_lad on TikTok.|He posts as [HANDLE] on TikTok.",
            "her snap is kxng.jay - she said|her snap is [HANDLE] - she said",
            "Snapchat: ghostrider now.|Snapchat: [HANDLE] now.",
            "an account called iron_guard_uk posted|an account called [HANDLE] posted",
            "He calls himself brother_of_odin online.|He calls himself [HANDLE] online.",
            "the admin is brother_yusuf_01 today|the admin is [HANDLE] today"})
    void whenAHandleIsGivenWithoutAnAtSignThenItIsReplaced(String text, String scrubbed) {
        assertThat(identifiers(text)).isEqualTo(scrubbed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"His insta is private now.", "His Instagram account was deleted.", "She posted on TikTok at 2pm.",
            "He left the Telegram group on Monday.", "The file essay_final_v2 was shared.", "His username is unknown to us.",
            "Room CS2041 on Snapchat day."})
    void whenPlatformWordsStandInOrdinaryTextThenItIsLeftAlone(String text) {
        assertThat(identifiers(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.me/northsidecrew", "discord.gg/x9Qm2Rt", "chat.whatsapp.com/Fz7kQ2pL9mX", "linktr.ee/someone"})
    void whenAPlatformAddressHasNoSchemeThenItIsReplaced(String url) {
        assertThat(identifiers("Link: " + url + " today.")).isEqualTo("Link: [URL] today.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 7 7 0 0 9 0 0 1 2 3", "00 44 7700 900123", "+44(0)7700-900-123", "(07700) 900 123", "077 009 001 23",
            "07700.900.123", "+44 (0) 20 7946 0958", "0161 496 0 9 0 9", "+234 803 555 0142"})
    void whenAPhoneNumberIsGroupedAnyWayThenItIsReplaced(String phone) {
        assertThat(identifiers("Call " + phone + " today.")).isEqualTo("Call [PHONE] today.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jh 12 34 56 c", "JH123456C", "J H 1 2 3 4 5 6 C", "PZ-87-65-43-B", "ce.45.67.89.a"})
    void whenAnNiNumberIsInLowerCaseOrSpacedThenItIsReplaced(String ni) {
        assertThat(identifiers("Number " + ni + " given.")).isEqualTo("Number [NI-NUMBER] given.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fees rose by 123456 a year.", "Scored 0 7 7 in three tests.", "Rent of £1,250 on 01/10.",
            "Room AB 12 34 on level 2."})
    void whenNumbersOnlyLookLikeIdentifiersThenTextIsLeftAlone(String text) {
        assertThat(identifiers(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Her housemate Faith Banks is worried.|Her housemate [NAME] is worried.",
            "Spoke to Siobhán Ní Bhriain and Pádraig Ó Súilleabháin.|Spoke to [NAME] and [NAME].",
            "Lecturer Dr Pieter van der Merwe noticed it.|Lecturer Dr [NAME] noticed it.",
            "My friend Hope said so. Hope's mum rang.|My friend [NAME] said so. [NAME]'s mum rang.",
            "Kwabena came in. Later kwabena's flatmate rang.|[NAME] came in. Later [NAME]'s flatmate rang.",
            "Grace (her daughter) is four.|[NAME] (her daughter) is four.",
            "Kimberly and Destiny bullied her.|[NAME] and [NAME] bullied her.",
            "Nguyễn Thị Mai and Gökhan Öztürk attended.|[NAME] and [NAME] attended."})
    void whenANameOfAnyOriginStandsInContextThenItIsReplaced(String text, String scrubbed) {
        assertThat(withNames(text)).isEqualTo(scrubbed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The grace period ends soon.|The grace period ends soon.",
            "Read the mark scheme.|Read the mark scheme.",
            "Meet at Rose Court.|Meet at Rose Court.",
            "The Hope Street car park is shut.|The Hope Street car park is shut.",
            "My friend Grace said Hope Street was busy.|My friend [NAME] said Hope Street was busy.",
            "There is hope. Faith helps her.|There is hope. Faith helps her.",
            "She prays to Jesus and follows Brexit news.|She prays to Jesus and follows Brexit news."})
    void whenNameWordsAreOrdinaryWordsThenTheyStay(String text, String scrubbed) {
        assertThat(withNames(text)).isEqualTo(scrubbed);
    }
}
