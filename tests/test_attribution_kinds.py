"""attribution.v6 on source kinds, source phrases and name resolution found on real pages, written
independently of any one article (see test_attribution.py for the core constructions)."""

from __future__ import annotations

import pytest

from attribution_helpers import doc, only, run
from newsaudit.analyzers.attribution import attribute


def test_kin_and_occupations_make_people_and_an_office_is_no_name() -> None:
    """The head noun decides the kind: a relative or an "-ist" is a person, their plural is
    anonymous, and a capitalised office ("CEO") is not taken for a name (nor for an acronym's
    organisation)."""
    assert only("The boy's mother testified that she saw the car leave.").source.kind == "person"
    assert only("The clinic's chief neurologist wrote that the injury was severe.").source.kind == "person"
    assert only("Local farmers say the drought is the worst in decades.").source.kind == "anonymous"
    ceo = only("As one fintech CEO told me, customers want lower fees.")
    assert (ceo.source.kind, ceo.content.text) == ("person", "customers want lower fees")


def test_recordings_are_documents() -> None:
    assert only("The footage shows that the guards left the gate open.").source.kind == "document"
    assert only("Security camera video shows that the bridge had cracked.").source.kind == "document"


def test_reduced_and_relative_clauses_stay_in_the_source() -> None:
    """ "People briefed on the plan said", "Residents who fled the fire said": the clause after the
    group noun belongs to the source; it is not the source itself ("the plan", "the fire")."""
    for text, source in (
        ("Two people briefed on the plan said the deal would be signed on Friday.", "Two people briefed on the plan"),
        ("Residents who fled the fire said the alarm never sounded.", "Residents who fled the fire"),
        (
            "Some economists who have done the sums say the tax will raise prices.",
            "Some economists who have done the sums",
        ),
    ):
        a = only(text)
        assert a.source_span is not None and (a.source_span.text, a.source.kind) == (source, "anonymous")
    # the clause names its own subject: no relative-clause source
    assert only("The officials who Smith said were fired denied it.").source.name == "Smith"


def test_a_chained_apposition_keeps_its_name() -> None:
    """ "NAME, a ROLE at X in CITY, COUNTRY, and ROLE2, said": the place and the second role are
    pieces of one apposition, and the name before it is the source."""
    a = only(
        '"It is a great step," Anna Berg, a lecturer at the Institute of Optics in Lyon, France, '
        "and co-author of the paper, said."
    )
    assert (a.source.name, a.source.kind, a.content.text) == ("Anna Berg", "person", '"It is a great step,"')


def test_category_labels_are_not_speakers() -> None:
    """A label made of shop words, or one that heads several lines, is a category, not a speaker."""
    assert run("Hot Deal: Apple AirPods Pro for $199 at Walmart Today\n\nStock is limited.") == []
    text = (
        "Best Buy: Apple Watch Series Five Down To $299 Today\n\n"
        "Best Buy: Samsung Galaxy Tablets Get Big Price Cuts\n\nThe sale ends Sunday."
    )
    assert run(text) == []


def test_datelines_and_noun_tells_are_not_attributions() -> None:
    assert run("NEW DELHI: Their savings gone, nearly 150 people returned home on Wednesday after a long wait.") == []
    assert run("Watch for the guard's very obvious tells to beat him quickly.") == []


def test_a_person_placed_by_a_preposition_and_a_place_with_dots() -> None:
    a = only("A nurse at the clinic told reporters that the ward was full.")
    assert a.source_span is not None and (a.source_span.text, a.source.kind) == ("A nurse at the clinic", "person")
    a = only("A medic on the scene said that two men were hurt.")
    assert a.source_span is not None and a.source_span.text == "A medic on the scene"
    b = only(
        '"Water is rare," Lia Moreno, a scientist at the Space Center in Greenbelt, Maryland, and Union College '
        "in Washington, D.C., said in a statement."
    )
    assert (b.source.name, b.content.text) == ("Lia Moreno", '"Water is rare,"')


def test_kinds_from_typeset_names_plural_people_releases_and_descriptions() -> None:
    assert only("The People’s Daily warned that there was no room for compromise.").source.kind == "outlet"
    assert only("Protesters believe the bill is an example of eroding autonomy.").source.kind == "anonymous"
    assert only("The press release said that the firm would hire 200 people.").source.kind == "document"
    a = only("The company that owns the stadium, Red Arc, says the roof will be fixed.")
    assert (a.source.name, a.source.kind) == ("Red Arc", "organization")
    assert a.source_span is not None and a.source_span.text.startswith("The company that owns")


def test_a_name_known_as_an_organisation_or_outlet_keeps_that_kind() -> None:
    """A bare name is guessed to be a person only until the article says otherwise, before or after;
    "The Chronicle" is the outlet already named in full."""
    for text in (
        "The company that owns the stadium, Red Arc, says the roof will be fixed. Red Arc denied that it leaked.",
        "Red Arc denied that the roof leaked. The company that owns the stadium, Red Arc, says it will be fixed.",
    ):
        assert [(a.source.name, a.source.kind) for a in run(text)] == [("Red Arc", "organization")] * 2
    text = "The San Francisco Chronicle says police are looking into it. The Chronicle says he was arrested."
    assert [(a.source.name, a.source.kind) for a in run(text)] == [("San Francisco Chronicle", "outlet")] * 2


def test_openers_before_a_source_are_not_part_of_it() -> None:
    """A leading "once" or time phrase opens the clause; "shown above" places the source; a name's
    "Jr." does not hide its surname."""
    a = only("Once the nurse mentioned that the pills were old, the doctor changed them.")
    assert a.source_span is not None and a.source_span.text == "the nurse"
    b = only("Last week State Department official Dan Holt revealed that the call was recorded.")
    assert b.source_span is not None and b.source_span.text == "State Department official Dan Holt"
    c = only("The chart shown above claimed that sales doubled.")
    assert (c.cue.text, c.content.text) == ("claimed", "sales doubled")
    text = "James P. Kennedy Jr., the U.S. Attorney, said the case was closed. Kennedy said that the court agreed."
    assert {a.source.name for a in run(text)} == {"James P. Kennedy Jr"}


def test_plural_people_named_by_their_work_are_anonymous() -> None:
    text = "The authors of the research published in the journal JAMA Psychiatry argued that the policy worked."
    assert only(text).source.kind == "anonymous"
    settlers = only("Israeli settlers, who mostly vote for the coalition, said it would help them.")
    assert settlers.source.kind == "anonymous"


def test_participles_and_gerunds_used_as_adjectives_or_nouns_are_not_cues() -> None:
    assert run("With three confirmed cases, the public is beginning to panic.") == []
    assert run('There\'s a saying that goes "a figure is formed by flowers".') == []
    assert only("Three confirmed that the bridge was closed.").content.text == "the bridge was closed"
    assert only("The reported attack left two dead, officials said.").source.name == "officials"


def test_irregular_plurals_of_people_are_anonymous() -> None:
    for text in ("Health bosses said 28 people were quarantined.", "Sheriff's deputies said the road was closed."):
        assert only(text).source.kind == "anonymous"


def test_product_nouns_are_not_cues_and_company_nouns_are_organisations() -> None:
    assert run("The set comes with a wireless charging case for $150.") == []
    assert run("You can watch TV shows purchased from the store.") == []
    assert only("Prosecutors charged that the mayor took bribes.").content.text == "the mayor took bribes"
    for text in ("The utility said it will monitor the weather.", "The companies disclosed how many they need."):
        assert only(text).source.kind == "organization"


def test_more_people_by_role() -> None:
    assert only("NASA Administrator Jim Bridenstine said the program was on track.").source.name == "Jim Bridenstine"
    for text in (
        "New York's chief medical examiner concluded that he hanged himself.",
        "Swift's rep told the paper that this was untrue.",
    ):
        assert only(text).source.kind == "person"
    for text in (
        "Prison union representatives warned that staff were exhausted.",
        "An insider told the magazine that the deal was off.",
    ):
        assert only(text).source.kind == "anonymous"


def test_it_is_the_organisation_quoted_just_before() -> None:
    text = "The Swedish Prosecution Authority said the case was closed. It added that the evidence had weakened."
    assert [a.source.name for a in run(text)] == ["Swedish Prosecution Authority"] * 2
    text = "The mayor said the case was closed. It added that the evidence had weakened."
    assert run(text)[1].source.name == "It"  # a person was quoted last: "it" stays unresolved


def test_a_subject_that_holds_a_place_still_has_its_cue() -> None:
    """ "X in Greenbelt, Maryland, has confirmed": the place ends no apposition, so the phrase
    before it is still the source."""
    a = only("A team led by researchers at the Space Center in Greenbelt, Maryland, has confirmed that plumes exist.")
    assert a.source_span is not None and a.source_span.text.startswith("researchers at the Space Center")
    assert a.content.text == "plumes exist"


def test_police_is_an_organisation_with_or_without_the_article() -> None:
    kinds = {only(t).source.kind for t in ("Police said the road was closed.", "The police said the road was closed.")}
    assert kinds == {"organization"}


def test_capitalised_speaker_labels_are_not_acronyms() -> None:
    """A transcript's "PENCE: …" is no organisation; named in full elsewhere, it is that person."""
    text = (
        "The debate between Governor Mike Pence and Senator Tim Kaine began at nine.\n\n"
        "PENCE: Well, I think the plan will create millions of jobs in this country.\n\n"
        "KAINE: I think the plan will cost the country millions of jobs instead."
    )
    found = [(a.source.name, a.source.kind) for a in run(text)]
    assert found == [("Mike Pence", "person"), ("Tim Kaine", "person")]
    assert {a.source.kind for a in run("NATO: Allies Will Meet Again Next Month In Brussels\n\nIt was agreed.")} <= {
        "organization"
    }


def test_shares_newspapers_papers_and_plural_ministries() -> None:
    assert only("An overwhelming 70 percent of Americans say the inquiry is fair.").source.kind == "anonymous"
    assert only("The Sioux Falls Daily Herald reported that the mayor resigned.").source.kind == "outlet"
    assert only("The Supreme Leader said that talks were over.").source.kind != "outlet"
    paper = only("According to a paper published in the journal Ocean Science on Monday, the ice is thinning.")
    assert paper.source.kind == "document"
    assert only("The Russian and Syrian defense ministries accused rebels of looting.").source.kind == "organization"
    a = only("CBS Sports NFL Insider Jason La Canfora reported that the league will fine him.")
    assert (a.source.name, a.source.kind) == ("Jason La Canfora", "person")


def test_openers_and_think_tanks_and_titled_surnames() -> None:
    assert only("But yet Nissan says the engine is new.").source_span.text == "Nissan"  # type: ignore[union-attr]
    a = only("Dana Roe, a fellow at a Washington think tank, told reporters that the plan would fail.")
    assert a.source.name == "Dana Roe"
    b = only("Gov. Noem launched the campaign. Noem tweeted that meth was a problem in the state.")
    assert (b.source.name, b.source.kind) == ("Noem", "person")


def test_companies_named_alone_are_organisations() -> None:
    for text in ("Toyota says the battery is mounted under the floor.", "Nomura said the order favoured banks."):
        assert only(text).source.kind == "organization"


def test_admitting_people_is_not_admitting_a_claim() -> None:
    assert run("He was admitted to hospital on Saturday, where he has been given treatment.") == []
    text = "According to the Jordanian government, as of 2016, the country had admitted more than 1.4 million refugees."
    assert [a.cue.text for a in run(text)] == ["According to"]
    assert only("He admitted that he had lied to the court.").content.text == "he had lied to the court"


def test_a_generic_listener_that_resolves_to_nothing_is_no_relay() -> None:
    a = only('"The plan is dead," an insider told the outlet on Monday.')
    assert a.via == ()
    b = only("Two officials told the paper that the plan was dead. The New York Times has not named them.")
    assert b.source.kind == "anonymous"


def test_charts_and_averages_show_claims() -> None:
    a = only("Another slide shows that eight of 10 avocados come from Mexico.")
    assert (a.source.kind, a.content.text) == ("document", "eight of 10 avocados come from Mexico")
    assert only("The polling average shows Clinton ahead by 3.7 points.").source.kind == "document"
    assert run("The TV shows were cancelled.") == []


def test_headline_lines_attribute_their_claim() -> None:
    text = (
        "Mayor Says River Bridge Will Reopen After Two Years of Repairs\n\n"
        "City Budget Will Double Next Year, Council Treasurer Says\n\n"
        "The bridge closed in 2023 and repairs began a year later."
    )
    found = [(a.source_span.text if a.source_span else None, a.content.text) for a in run(text)]
    assert found == [
        ("Mayor", "River Bridge Will Reopen After Two Years of Repairs"),
        ("Council Treasurer", "City Budget Will Double Next Year"),
    ]


def test_a_surname_completes_from_a_possessive_or_the_headline() -> None:
    text = "Hours before Zach Lund’s two goals, the team was losing.\n\n“You can go either way,” Lund said."
    assert [(a.source.name, a.source.kind) for a in run(text)] == [("Zach Lund", "person")]
    from attribution_helpers import doc
    from newsaudit.analyzers.attribution import attribute
    from newsaudit.model import Document

    body = "The campaign cost $449,000.\n\n“We need everyone on it,” Moen said on Tuesday."
    plain = doc(body)
    titled = Document(
        text=body,
        title="State campaign is working, Kristi Moen says",
        paragraphs=plain.paragraphs,
        sentences=plain.sentences,
    )
    assert [a.source.name for a in attribute(titled).attributions] == ["Kristi Moen"]
    assert [a.source.kind for a in attribute(plain).attributions] == ["unknown"]


def test_royal_and_rank_titles_keep_a_surname_a_person() -> None:
    text = "Prince Andrew gave an interview on Saturday.\n\n“There was no indication,” Andrew said."
    a = only(text)
    assert (a.source.name, a.source.kind, a.source.role) == ("Andrew", "person", "Prince")


def test_those_opens_an_unnamed_group_source() -> None:
    for text, source in (
        ("Those opposed to the tax have argued that it hurts renters.", "Those opposed to the tax"),
        ("Those familiar with the budget say the gap is wider.", "Those familiar with the budget"),
        ("Those close to her said she would run again.", "Those close to her"),
    ):
        a = only(text)
        assert (a.source.name, a.source.kind) == (source, "anonymous")
    a = only("Those are the rules, the coach said.")  # "those" as the content’s subject
    assert (a.source.name, a.source.kind, a.content.text) == ("coach", "person", "Those are the rules")


def test_a_group_noun_before_who_keeps_its_clause_through_a_belief_verb() -> None:
    a = only("Several tenants who sought repairs in the spring reported that nothing was fixed.")
    assert (a.source.name, a.source.kind) == ("Several tenants who sought repairs in the spring", "anonymous")


def test_a_document_addressed_to_someone_is_the_document() -> None:
    a = only("A memo to staff indicated that the office would close.")
    assert (a.source.name, a.source.kind) == ("memo to staff", "document")
    assert only("The notice said parking would be free.").source.kind == "document"


def test_a_negated_passive_cue_has_no_source() -> None:
    # "isn't expected until next year" is a schedule, not the car's claim
    assert run("The new model based on the larger frame isn’t expected until next spring.") == []
    assert run("The ruling wasn't announced until Friday.") == []


def test_people_in_court_and_crime_reports_are_persons() -> None:
    for noun in ("suspect", "defendant", "plaintiff"):
        a = only(f"The {noun} said he had been at home all night.")
        assert a.source.kind == "person", noun


def test_a_research_institute_is_an_organisation_and_its_survey_a_document() -> None:
    a = only("The Institute for Fiscal Studies found that the cuts fell hardest on renters.")
    assert (a.source.name, a.source.kind) == ("Institute for Fiscal Studies", "organization")
    assert only("A Brookings Institution study found that rents rose.").source.kind == "document"
    assert only("The Mueller Report said the campaign did not conspire.").source.kind == "document"


def test_an_absolute_with_clause_names_who_speaks() -> None:
    a = only("Rents climbed again in May, with analysts cautioning that the rise may last.")
    assert (a.source.name, a.source.kind, a.content.text) == ("analysts", "anonymous", "the rise may last")
    b = only("The river flooded the town, with some residents saying that the warning came late.")
    assert (b.source.name, b.source.kind) == ("some residents", "anonymous")
    c = only("She met with donors, saying that the campaign was sound.")  # no absolute clause: the subject
    assert c.source.name == "She"


def test_an_absolute_with_clause_stays_inside_the_claim_it_qualifies() -> None:
    text = "The union believes turnout was higher, with some reports suggesting that 5,000 people marched."
    outer, inner = run(text)
    assert (outer.source.name, outer.content.text) == (
        "union",
        "turnout was higher, with some reports suggesting that 5,000 people marched",
    )
    assert (inner.source.name, inner.source.kind, inner.content.text) == (
        "some reports",
        "document",
        "5,000 people marched",
    )


def test_a_document_in_a_named_publication_is_that_outlet() -> None:
    a = only("According to a report in the Valley Courier of Alamosa, the mill will close in June.")
    assert (a.source.name, a.source.kind, a.source.role) == ("Valley Courier", "outlet", "report")
    b = only("A study in the Lancet found that the drug worked.")
    assert (b.source.name, b.source.kind) == ("Lancet", "outlet")
    c = only("A study in mice found that the drug worked.")  # not a publication
    assert c.source.kind == "document"


def test_the_names_of_local_newspapers_are_outlets() -> None:
    for paper in ("the Fresno Bee", "the Toledo Blade", "the Detroit Free Press", "the Christian Science Monitor"):
        a = only(f"The plant will close next year, {paper} reported.")
        assert (a.source.kind, a.source.name) == ("outlet", paper.removeprefix("the ")), paper
    assert only("The bill will pass, the Senate Majority Leader said.").source.kind != "outlet"


def test_court_papers_medical_tests_and_evidence_are_documents() -> None:
    """What a filing, a test or a body of evidence shows is a document's claim, not a person's."""
    for text, source in (
        ("The indictment alleges that the firm wired the money to a shell company.", "indictment"),
        ("The complaint says the officers used excessive force during the arrest.", "complaint"),
        ("Blood tests revealed the patient had been exposed to lead.", "Blood tests"),
        ("An autopsy found that she died of blunt force trauma.", "autopsy"),
        ("The evidence suggests the fire was set on purpose.", "evidence"),
    ):
        found = only(text)
        assert (found.source.name, found.source.kind) == (source, "document"), text


def test_party_members_are_an_unnamed_group_and_a_web_address_an_organisation() -> None:
    democrats = only("House Democrats said the bill would raise costs for families.")
    assert (democrats.source.name, democrats.source.kind) == ("House Democrats", "anonymous")
    site = only("According to Edmunds.com, the average price of a new car rose 5% in October.")
    assert (site.source.name, site.source.kind) == ("Edmunds.com", "organization")
    # an abbreviation with dots is no web address
    assert only("The U.S. said it would respond to the strike.").source.kind == "organization"


def test_a_participle_clause_takes_the_subject_after_an_opening_time_phrase() -> None:
    """ ", saying …" is said by the sentence's subject, also when a time phrase without a comma
    opens the sentence, and when the subject is a common noun with a determiner."""
    for text, source in (
        (
            "Last week State Department official David Holmes revealed the call to investigators, saying he "
            "recalled it vividly.",
            "David Holmes",
        ),
        ("Earlier this month the company cut its forecast, saying demand had slowed.", "company"),
        ("The mayor spoke on Monday, saying that the bridge would close.", "mayor"),
        (
            "The utilities commission criticised the companies, saying they failed to share information.",
            "utilities commission",
        ),
    ):
        found = [a for a in run(text) if a.cue.text == "saying"]
        assert [a.source.name for a in found] == [source], text


def test_a_participle_clause_finds_no_subject_in_a_pronoun_or_a_verb_phrase() -> None:
    """No determiner, no name: no source is made up from the words that open the clause."""
    for text in (
        "Meanwhile, it attacked the senator, saying he had offended voters.",
        "The ad uses footage of the candidate asking, “Why am I not ahead?”",
    ):
        sources = [a.source.name for a in run(text)]
        assert not any(name.lower() in ("it", "the ad uses footage", "meanwhile") for name in sources), (text, sources)


def test_nouns_ending_in_ly_head_a_source() -> None:
    """ "family", "ally": nouns, not adverbs to skip before a cue ("recently said")."""
    lawyer = only("A lawyer for the family said the lawsuit would be filed on Monday.")
    assert (lawyer.source.name, lawyer.source.kind) == ("lawyer for the family", "person")
    family = only("The family said in a statement that he had died peacefully.")
    assert (family.source.name, family.source.kind) == ("family", "anonymous")
    ally = only("A close ally of the president said the plan was dead.")
    assert ally.source.kind == "person"
    assert only("The senator recently said the plan was dead.").source.name == "senator"


def test_offices_before_a_name_are_roles_not_a_share_or_an_organisation() -> None:
    for text, name in (
        ("House Speaker Brian Bosma said the bill would pass.", "Brian Bosma"),
        ("Senate Majority Leader Mitch McConnell said the vote would be close.", "Mitch McConnell"),
        ("Republican state schools Superintendent Jennifer McCormick said the study was flawed.", "Jennifer McCormick"),
        ("U.S. Attorney Nealy Cox said the case was closed.", "Nealy Cox"),
    ):
        found = only(text)
        assert (found.source.name, found.source.kind) == (name, "person"), text
    assert only("A majority of the voters said the economy was their top issue.").source.kind == "anonymous"


def test_a_negated_cue_attributes_nothing() -> None:
    """ "have not said what caused the fire": no claim of the source's to show."""
    for text in (
        "Officials have not said what caused the fire.",
        "He didn't say whether he would run again.",
        "Police did not say the suspect was armed.",
    ):
        assert run(text) == [], text
    kept = only("Officials said the fire was not caused by arson.")  # a negation inside the claim
    assert kept.content.text == "the fire was not caused by arson"


def test_a_participle_setting_before_the_source_is_not_the_content() -> None:
    for text, source, content in (
        (
            "Speaking to reporters on Air Force One, Trump said the talks were going well.",
            "Trump",
            "the talks were going well",
        ),
        (
            "Asked about the delay in a television interview, the minister said the contracts had not been signed.",
            "minister",
            "the contracts had not been signed",
        ),
    ):
        found = only(text)
        assert (found.source.name, found.content.text) == (source, content), text
    gerund = only("Raising interest rates this early in the cycle would be a serious mistake, the economist said.")
    assert gerund.content.text.startswith("Raising interest rates")  # a gerund subject is the content


def test_a_listener_stops_before_the_subject_of_the_content() -> None:
    found = only("Residents told the Guardian they had not been warned about the flood.")
    assert found.content.text == "they had not been warned about the flood"


def test_a_document_described_by_a_participle_is_the_document() -> None:
    found = only("A UN report published on Thursday estimated that 3 million people had fled.")
    assert (found.source.name, found.source.kind) == ("UN report", "document")


def test_a_sentence_hedged_twice_is_one_claim_of_unnamed_sources() -> None:
    text = "Earlier this year, the chain reportedly closed 60 stores and its rival reportedly closed several hundred."
    found = only(text)
    assert (found.source.kind, found.cue.text) == ("anonymous", "reportedly")
    assert found.content.text == text.rstrip(".")


def test_when_or_how_it_was_said_is_not_the_content() -> None:
    """ "said Tuesday they would appeal", "said in a statement it would": AP style puts the time or
    the medium between the cue and a content without "that"."""
    for text, content in (
        ("Administration officials said Tuesday they would appeal the ruling.", "they would appeal the ruling"),
        ("The company said in a statement it would cut 500 jobs.", "it would cut 500 jobs"),
        ("The minister said last week the talks had failed.", "the talks had failed"),
        ("Smith said Tuesday's vote was rigged.", "Tuesday's vote was rigged"),  # a possessive is content
    ):
        assert only(text).content.text == content, text


def test_a_document_obtained_by_an_outlet_is_the_document() -> None:
    found = only("Internal emails obtained by The Washington Post show the bank knew of the fraud.")
    assert (found.source.name, found.source.kind) == ("Internal emails obtained by The Washington Post", "document")


def test_a_noun_like_cue_after_a_name_ending_in_a_modifier_word_is_a_verb() -> None:
    # "Press" ends the name, so "show" is the verb; "press reports" and "news shows" stay nouns
    found = only("Memos seen by the Associated Press show the ministry ignored the warnings.")
    assert (found.source.name, found.cue.text) == ("Memos seen by the Associated Press", "show")
    assert found.content.text == "the ministry ignored the warnings"
    assert run("She said she watched the news shows every night.")[0].cue.text == "said"
    assert all(a.cue.text != "reports" for a in run("He dismissed the press reports as false."))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a document someone named handed on is the source, not its recipient
        (
            "Records Kessler provided to investigators showed the payments were late.",
            "Records Kessler provided to investigators",
        ),
        ("The note Garcia sent to the board said she would resign.", "note Garcia sent to the board"),
        # figures an outlet or agency compiled or gathered are the document
        ("Data compiled by Reuters show imports slowed in June.", "Data compiled by Reuters"),
        ("Statistics gathered by the ministry indicate crime fell.", "Statistics gathered by the ministry"),
    ],
)
def test_a_document_handed_on_or_compiled_is_the_source(text: str, name: str) -> None:
    found = only(text)
    assert (found.source.name, found.source.kind) == (name, "document")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a plural noun that is also a cue ("reports", "notes") is the subject of the cue after it
        ("Wire reports said the airport would stay shut until Friday.", "Wire reports"),
        ("The notes show the council knew of the leak in March.", "notes"),
        # a document head, a topic and a cue that is also a noun ("show")
        ("Figures on unemployment show a rise among young workers.", "Figures on unemployment"),
        ("Official data for April shows exports grew.", "Official data for April"),
        # a handling verb ("shared") with a named subject: the message, not its platform
        ("A video Lopez shared to Instagram claimed the vote was rigged.", "video Lopez shared to Instagram"),
        ("Photos Reyes shared with reporters showed the flooded tunnel.", "Photos Reyes shared with reporters"),
    ],
)
def test_a_document_before_a_noun_like_cue_or_handed_on_by_name_is_the_source(text: str, name: str) -> None:
    found = only(text)
    assert (found.source.name, found.source.kind) == (name, "document")


def test_an_aside_or_a_listener_before_a_second_cue_keeps_each_claim_apart() -> None:
    claimed = only("Trump has repeatedly claimed, without evidence, that the election was stolen.")
    assert claimed.content.text == "the election was stolen"
    found = run("“The economy is strong,” Powell told reporters, adding that rates would stay low.")
    assert [(a.cue.text, a.content.text) for a in found] == [
        ("told", "“The economy is strong,”"),
        ("adding", "rates would stay low"),
    ]


def test_an_office_for_a_subject_is_a_person_with_or_without_a_name() -> None:
    """ "High Commissioner for Human Rights": the words after "for" name the office, not a person."""
    office = only("The United Nations High Commissioner for Human Rights said the decision did not change the law.")
    assert (office.source.name, office.source.kind) == ("United Nations High Commissioner for Human Rights", "person")
    envoy = only("Special Envoy for Iran Brian Hook said the sanctions would stay.")
    assert (envoy.source.name, envoy.source.kind) == ("Brian Hook", "person")
    cabinet = only("The Secretary for Health and Social Care said the hospitals were ready.")
    assert cabinet.source.name == "Secretary for Health and Social Care"


def test_asking_for_anonymity_is_no_claim() -> None:
    found = run("The source, who asked not to be identified because the talks are private, said a deal was close.")
    assert [(a.cue.text, a.content.text) for a in found] == [("said", "a deal was close")]
    assert [a.cue.text for a in run("Reporters asked whether the plan would go ahead.")] == ["asked"]


def test_a_quote_interrupted_by_its_source_runs_on_after_it() -> None:
    for text, source in (
        ("“There is no evidence,” he added, “that the vaccine causes autism.”", "he"),
        ("“We are not going anywhere,” said Maria Lopez, 54, “and we will fight this.”", "Maria Lopez"),
    ):
        found = only(text)
        assert found.source.name == source
        assert found.content.text == text  # both parts, from the first mark to the last
    # the second quote belongs to the next cue
    told, adding = run("“Sales are slow,” the dealer said, adding, “This year is not as strong as last year.”")
    assert told.content.text == "“Sales are slow,”"
    assert adding.content.text == "“This year is not as strong as last year.”"


def test_reported_on_a_day_is_a_report_and_reported_on_a_subject_is_not() -> None:
    dated = only("The Wall Street Journal reported on Monday that the bank was under investigation.")
    assert (dated.source.name, dated.content.text) == ("The Wall Street Journal", "the bank was under investigation")
    assert only("The paper reported in October that the bank had been fined.").source.kind == "outlet"
    assert run("The paper reported on the trial for weeks.") == []


def test_a_role_noun_refers_back_to_the_organisation_or_outlet_named_before() -> None:
    found = run("Pfizer said the vaccine was safe. The drugmaker added that it would seek approval this month.")
    assert [(a.source.name, a.source.kind) for a in found] == [("Pfizer", "organization")] * 2
    wire = run("Officials told Reuters the deal was dead. The news agency said it had seen a copy of the letter.")
    assert (wire[-1].source.name, wire[-1].source.kind) == ("Reuters", "outlet")
    # "the Times" is a Times, never the other outlet quoted before it
    times = run("Officials told Reuters the deal was dead. The Times said the minister would resign.")
    assert times[-1].source.name == "The Times"


def test_an_organisation_possessive_before_a_name_is_a_role() -> None:
    found = only("NASA's Steve Clarke said the probe was healthy.")
    assert (found.source.name, found.source.kind) == ("Steve Clarke", "person")
    assert only("McDonald's said sales rose 5% in the quarter.").source.name == "McDonald's"


def test_an_ampersand_inside_a_name_keeps_the_name_whole() -> None:
    for text, name in (
        ("Johnson & Johnson said the vaccine was safe.", "Johnson & Johnson"),
        ("Procter & Gamble said prices would rise next year.", "Procter & Gamble"),
    ):
        found = only(text)
        assert (found.source.name, found.source.kind) == (name, "organization"), text


def test_where_someone_testified_and_whom_they_told_are_not_the_claim() -> None:
    assert run("The director testified before the Senate Judiciary Committee in Washington.") == []
    assert only("She testified that the guards had been asleep.").content.text == "the guards had been asleep"
    told = only("The director told lawmakers no evidence supports anything other than suicide.")
    assert told.content.text == "no evidence supports anything other than suicide"


def test_a_claim_inside_an_opening_clause_ends_with_the_clause() -> None:
    found = only("Although officials said the dam was safe, residents fled the town on Monday night.")
    assert found.content.text == "the dam was safe"
    relative = only(
        "While the campaign said the senator would reach older voters, whose support was steady, aides doubted it."
    )
    assert relative.content.text == "the senator would reach older voters, whose support was steady"


def test_a_group_an_outlet_polled_is_the_group() -> None:
    for text, name in (
        ("Analysts polled by Reuters had expected a rise of 0.3%.", "Analysts polled by Reuters"),
        ("Economists surveyed by Bloomberg expect the central bank to hold rates.", "Economists surveyed by Bloomberg"),
    ):
        found = only(text)
        assert (found.source.name, found.source.kind) == (name, "anonymous"), text


def test_a_quoted_characterisation_is_the_source_s_words() -> None:
    """ "called the sanctions “economic terrorism”": whose words the loaded phrase is; "called for"
    and a name after "called the" are no characterisation."""
    found = only("Iran's foreign ministry called the sanctions “economic terrorism.”")
    assert (found.source.name, found.cue.text, found.content.text) == (
        "Iran's foreign ministry",
        "called",
        "the sanctions “economic terrorism.”",
    )
    assert run("Critics called for an investigation into the “missing” funds.") == []
    assert run("It is the first of the sets called the “Master Builder Series.”") == []


def test_a_partial_quote_stays_inside_the_content() -> None:
    """ "said it “deeply regrets” the incident": the quoted words are part of a paraphrase; the
    content starts after the cue, not at the quotation mark."""
    for text, content in (
        ("In a statement, the company said it “deeply regrets” the incident.", "it “deeply regrets” the incident"),
        ("A UN spokesperson said the agency was “alarmed” by the reports.", "the agency was “alarmed” by the reports"),
        ("He told reporters the plan was “dead on arrival.”", "the plan was “dead on arrival.”"),
        ("The mayor said on Monday “we will rebuild.”", "“we will rebuild.”"),  # a time before a full quote
    ):
        assert only(text).content.text == content, text


def test_a_topic_after_of_or_on_belongs_to_the_source_before_it() -> None:
    """ "Experts on jail suicide told": the source is the experts, not the topic of their expertise."""
    experts = only("Experts on prison safety told reporters that the rules had changed.")
    assert (experts.source.name, experts.source.kind) == ("Experts on prison safety", "anonymous")
    commission = only("The Royal Commission on water and sanitation found that most wells were unsafe.")
    assert commission.source.name.endswith("Commission on water and sanitation")
    assert commission.source.kind == "organization"
    # a lowercase head that is itself a source, and a named source, are left alone
    assert only("Supporters of the measure said it would pass.").source.name == "Supporters of the measure"
    assert only("Critics of the plan, including Smith, said it would fail.").source.name != "plan"


def test_a_one_word_name_after_the_is_no_person() -> None:
    """ "according to The Wrap", "the Hill reported": a name that takes "the" is an outlet when a
    rated news domain has that name, else an organisation; never a person called "Wrap"."""
    wrap = only("There are three scripts in contention, according to The Wrap.")
    assert (wrap.source.name, wrap.source.kind) == ("The Wrap", "outlet")
    hill = only("The measure passed narrowly, the Hill reported on Tuesday.")
    assert (hill.source.name, hill.source.kind) == ("The Hill", "outlet")
    band = only("The Zorblaxians said the tour would go on.")
    assert band.source.kind == "organization"
    # a title after "the" is still a person's office, and "the Chronicle" is left to resolution
    assert only("The Chancellor said the budget would pass.").source.kind != "organization"


def test_an_inverted_source_runs_past_its_owner_to_the_name() -> None:
    """ "said The Acme Company’s recently named executive chair Ann Lee": Ann Lee, not the company."""
    text = "Job cuts will follow this week, said The Acme Company’s recently named executive chair Ann Lee."
    assert (only(text).source.name, only(text).source.kind) == ("Ann Lee", "person")
    assert only("The plan will fail, said Acme’s spokesman.").source.name == "Acme’s spokesman"


def test_a_first_name_refers_to_the_one_person_named_in_full_before() -> None:
    found = run("Dale Ford, a farmer, said the rain was late. Dale said the crop would suffer.")
    assert [a.source.name for a in found] == ["Dale Ford", "Dale Ford"]
    # two people share the first name, or it names a pair: no guess
    found = run("Dale Ford said the rain was late. Dale Smith disagreed. Dale said the crop would suffer.")
    assert found[-1].source.name == "Dale"
    found = run("Dale and Martha Ford said the rain was late. Dale said the crop would suffer.")
    assert found[-1].source.name == "Dale"


def test_agreements_decisions_and_bills_are_documents() -> None:
    for text in (
        "The agreement maintained that it would cover both performances.",
        "The bill says schools must report every incident.",
        "The court's decision says the settlements are illegal.",
        "The suit claims the company knew about the defect for years.",
    ):
        assert only(text).source.kind == "document", text


def test_a_long_relative_clause_stays_with_its_source() -> None:
    text = "A spokesperson who did not wish to be named because of agency policy said the rules were clear."
    found = only(text)
    assert found.source.kind == "anonymous" and found.source.name.startswith("spokesperson who")


def test_according_to_stops_before_a_clause_word() -> None:
    text = "Each group plays a semifinal, according to FIFA as part of the playoffs."
    assert only(text).source.name == "FIFA"
    assert only("Prices rose, according to officials in Washington.").source.name == "officials in Washington"


def test_a_party_and_state_tag_and_an_acronym_name_their_sources() -> None:
    cruz = only("Sen. Ted Cruz, R-Texas, said Epstein's death is a symptom of deeper problems.")
    assert (cruz.source.name, cruz.source.kind) == ("Ted Cruz", "person")
    who = only('Untreated pneumonic plague is "always fatal", says WHO.')
    assert who.source.kind == "organization" and who.content.text == 'Untreated pneumonic plague is "always fatal"'


def test_an_abbreviated_sports_position_is_a_role() -> None:
    for text, name in (
        ("Browns DL Sheldon Richardson said the hit was late.", "Sheldon Richardson"),
        ("Patriots QB Tom Brady said the offense was fine.", "Tom Brady"),
    ):
        assert (only(text).source.name, only(text).source.kind) == (name, "person")


def test_a_role_and_an_employer_around_an_inverted_name() -> None:
    text = "“Organics matter,” said planetary geologist Ann Lopes of NASA's Jet Propulsion Laboratory."
    found = only(text)
    assert (found.source.name, found.source.kind) == ("Ann Lopes", "person")
    assert found.source.role is not None and "Jet Propulsion Laboratory" in found.source.role
    # a participle after a possessive is an adjective, not a cue
    assert run("She was a victim of the financier’s alleged trafficking ring.") == []


def test_a_capitalised_group_noun_opening_the_sentence_is_a_group_at_an_organisation() -> None:
    found = only("Researchers at Stanford University found that the vaccine worked.")
    assert (found.source.name, found.source.kind) == ("researchers at Stanford University", "anonymous")


def test_a_name_with_its_firm_in_apposition_is_the_source() -> None:
    found = only("Her lawyer, Ann Lee of Lee & Park LLP, said the claims were false.")
    assert (found.source.name, found.source.kind) == ("Ann Lee", "person")
    assert only("Her lawyer, a partner at Lee & Park, said the claims were false.").source.name == "Her lawyer"


def test_a_person_noun_owns_the_words_after_of() -> None:
    assert only("The 45-year-old mother of three said she had no idea.").source.name == "mother of three"


def test_a_plural_group_noun_before_for_or_against_names_an_organisation() -> None:
    found = only("Teachers Against Testing said the exam should be scrapped.")
    assert (found.source.name, found.source.kind) == ("Teachers Against Testing", "organization")
    assert only("Teachers at the school said the exam should be scrapped.").source.kind == "anonymous"


def _source_named(text: str, cue: str) -> tuple[str, str, str | None]:
    found = [a for a in run(text) if a.cue.text == cue]
    assert len(found) == 1, [(a.source.name, a.cue.text) for a in run(text)]
    return found[0].source.name, found[0].source.kind, found[0].source.role


def test_a_first_name_alone_is_the_person_named_in_full_or_introduced_by_a_kin_word() -> None:
    # the surname was the source first; the full name comes later in the text; then the first name alone
    text = (
        "Kowalski recalled that the ward flooded twice that winter. The night shift was led by nurse "
        "Anna Kowalski, who kept a diary. Anna told me the pumps had failed."
    )
    assert _source_named(text, "told") == ("Anna Kowalski", "person", None)
    assert {s.name for s in attribute(doc(text)).sources} == {"Anna Kowalski"}
    # introduced by a kin word, with or without a surname
    sister = "His sister Marta Lindqvist agreed to talk. “It was a cold house,” Marta wrote in an email."
    assert _source_named(sister, "wrote") == ("Marta Lindqvist", "person", "sister")
    friend = "Over lunch my friend Tomas handed me the file. “Read it tonight,” Tomas said."
    assert _source_named(friend, "said") == ("Tomas", "person", "friend")
    # a one-word name nothing introduces stays of unknown kind ("Acme said" may be a company)
    assert _source_named("Costa said the plant would reopen in May.", "said")[1] == "unknown"


def test_a_relative_does_not_take_a_surname_another_person_quoted_bears() -> None:
    text = (
        "Peter Lindqvist said the mill closed in 1998. His sister Marta Lindqvist disagreed. "
        "“It closed much later,” Marta wrote. Lindqvist said he had kept the records."
    )
    assert _source_named(text, "wrote") == ("Marta", "person", "sister")
    last = [a for a in run(text) if a.cue.text == "said"][-1]
    assert last.source.name == "Peter Lindqvist"


def test_evidence_before_a_participle_cue_is_its_source_and_a_name_may_open_a_group() -> None:
    # a study someone cites shows the claim; a statement someone issues stays theirs
    cited = only("The mayor pointed to a recent survey suggesting that most residents back the tram.")
    assert (cited.source.name, cited.source.kind) == ("recent survey", "document")
    issued = only("The club issued a statement saying the coach had resigned.")
    assert issued.source.name == "club"
    # a capitalised word opening the sentence can modify the group noun that is the subject
    group = only("Pentagon officials briefed senators for an hour, warning that the budget was too small.")
    assert (group.source.name, group.source.kind) == ("Pentagon officials", "anonymous")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a place after a source is where it is, never a person named after the place
        (
            "According to the Institute for Fiscal Studies in London, taxes will rise.",
            "Institute for Fiscal Studies in London",
            "organization",
        ),
        ("According to Reuters in Madrid, the talks broke down.", "Reuters", "outlet"),
        ("According to a professor at Leeds, the course will close.", "professor at Leeds", "person"),
        ("Maria Ortiz of the Hospital Clinic in Barcelona said the ward was full.", "Maria Ortiz", "person"),
        # a month is when, not where
        ("According to figures released by the World Bank in March, prices rose.", "World Bank", "organization"),
    ],
)
def test_a_place_after_a_source_is_not_a_name(text: str, name: str, kind: str) -> None:
    found = only(text)
    assert (found.source.name, found.source.kind) == (name, kind)


def test_a_word_opening_a_setting_is_not_a_first_name() -> None:
    text = "Despite Okafor's warning, the board met. Okafor said the vote was rushed."
    assert _source_named(text, "said") == ("Okafor", "unknown", None)
    named = "Following Okafor's speech, union leader Grace Okafor said the vote was rushed. Okafor said it again."
    assert {a.source.name for a in run(named)} == {"Grace Okafor"}


def test_a_relative_pronoun_after_a_clause_stands_for_the_organisation_named_last() -> None:
    found = only("The figures came from the Oregon Health Authority, which reported that 312 cases were confirmed.")
    assert (found.source.name, found.source.kind, found.source.role) == (
        "Oregon Health Authority",
        "organization",
        None,
    )
