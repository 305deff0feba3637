"""The parser stage's word sets, built once per knowledge base from parse.yaml and cues.yaml."""

from __future__ import annotations

from dataclasses import dataclass

from corroborate.extract.kb import KnowledgeBase


def _words(kb: KnowledgeBase, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in kb.parse.get(key, ()) or ())


@dataclass(frozen=True, slots=True)
class ParseLexicon:
    pipeline: str
    speech_lemmas: frozenset[str]
    deny_lemmas: frozenset[str]
    own_act_lemmas: frozenset[str]
    avowal_lemmas: frozenset[str]  # "declared solidarity with X": a stance declared is held
    accuse_lemmas: frozenset[str]
    credit_lemmas: frozenset[str]  # "praised Y for its support": Y's act, in the praiser's voice
    praise_lemmas: frozenset[str]  # "applauded X": backing only for a deed of the war
    retreat_particles: frozenset[str]  # "backed away from": a phrasal verb, no backing
    pact_kinds: frozenset[str]  # "its intelligence allies": members of a pact, not backers
    seek_lemmas: frozenset[str]  # "rally support for X": backing sought, not given
    own_force_nouns: frozenset[str]  # "support Turkish forces": a side's own forces
    war_deeds: frozenset[str]  # "congratulated X on the capture of ...": a deed of the war
    belief_lemmas: frozenset[str]
    claim_nouns: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_verbs: frozenset[str]  # "appeared to have been involved"
    role_nouns: frozenset[str]  # "the spokesperson added": the voice named before
    recalled_claims: frozenset[str]  # "the accusations went on to claim": the accuser's
    quarrel_lemmas: frozenset[str]  # "clashed over Libya": a dispute, not fighting
    topic_preps: frozenset[str]
    hedges: frozenset[str]
    recipient_preps: frozenset[str]
    moved_to_preps: frozenset[str]  # "stepped up its supplies to Y": a noun's "to" on its verb
    giving_speech_lemmas: frozenset[str]  # "announced an aid package": the speaker gives
    mutual_nouns: frozenset[str]  # "an ally of X": patronage either way (roles.py)
    censure_lemmas: frozenset[str]  # "blocked efforts to censure X": a shield for X
    purpose_lemmas: frozenset[str]
    furnish_lemmas: frozenset[str]  # "supplied X with Y": X receives, Y moves
    target_preps: frozenset[str]
    generic_heads: frozenset[str]
    civil_objects: frozenset[str]
    frame_defaults: dict[str, str]
    of_agent_nouns: frozenset[str]
    not_agents: frozenset[str]  # knowledge-base actors that speak but never act (monitors)
    non_actor_heads: frozenset[str]  # last words of unknown names that are no party to a war
    self_propelled: frozenset[str]
    weapons: frozenset[str]  # classes of things fired or used in fighting (the use frame's)
    background_preps: frozenset[str]  # "after the attack": an act mentioned, not claimed
    ending_lemmas: frozenset[str]  # "efforts to end the attacks": an act stopped, not claimed
    tool_lemmas: frozenset[str]  # "drones used by the army": use with no target is no combat
    reaction_lemmas: frozenset[str]  # "condemned the killing": a reaction presupposes its act
    possibility_words: frozenset[str]  # "a potential transfer": a forecast, not an act
    potential_lemmas: frozenset[str]  # "the ability to strike": an act not said to happen
    plan_lemmas: frozenset[str]  # "plans to send troops": intended, not done
    consequence_modals: frozenset[str]  # "could send tanks if ...": a consequence, not a fact
    request_lemmas: frozenset[str]  # "urged X to send": an act asked of another, not claimed
    prevention_lemmas: frozenset[str]  # "prevent X from sending": an act kept from happening
    measure_nouns: frozenset[str]  # "sanctions targeting banks": a measure strikes nobody
    state_adjectives: frozenset[str]  # "heavily armed men": kitted out, supplied by nobody
    warning_lemmas: frozenset[str]  # "warned against new strikes": an act not said to happen
    conditional_marks: frozenset[str]  # "if it supports X": a condition, not a claim
    private_heads: frozenset[str]  # "Syrian men said": people of a nationality, no state voice
    nonstate_heads: frozenset[str]  # "Yemeni rebels": a nationality, not the state acting
    epithet_lemmas: frozenset[str]  # "Iran-backed forces": an epithet, no act of the backer
    stance_objects: frozenset[str]  # "stands by his vow": backing a thing, not a side
    drill_lemmas: frozenset[str]  # "training Kenya's army": the object is who is trained
    idiom_objects: frozenset[str]  # "paid tribute": an idiom that hires nobody
    measure_targets: frozenset[str]  # "targeting individuals and entities": a sanction
    trade_nouns: frozenset[str]  # "more selling on the bourses": no thing, no buyer, no supply
    states: frozenset[str]  # knowledge-base actors that are states or territories
    place_preps: frozenset[str]  # "a strike in Lebanon": the place of an act is not its actor
    thing_labels: frozenset[str]  # NER labels of names of things ("USS Philippine Sea")
    provenance_lemmas: frozenset[str]  # "Israeli-made drones": the maker supplies
    user_lemmas: frozenset[str]  # "Azerbaijan uses ... drones": who has the maker's things
    # "the army", "the rebels": the kind of party a definite description stands for
    definite_heads: dict[str, str]
    army_words: frozenset[str]  # "Sudanese Armed Forces", "Sudan's army": a party's army
    people_classes: frozenset[str]  # thing classes of people a side sends (troops, fighters)
    civil_kinds: frozenset[str]  # "a football training": a kind of training that is no army's
    title_preps: frozenset[str]  # "adviser on Ukraine": a title's topic, no act of advising
    carry_frames: frozenset[str]  # frames of carrying: "fighters brought shovels" moves shovels
    aspect_lemmas: frozenset[str]  # "keep reinforcing", "remain committed": aspect, no presence
    home_lemmas: frozenset[str]  # "militias based in Iraq": where a group lives, not its side
    tie_nouns: frozenset[str]  # "links with Hezbollah": a state's ties sponsor, others' do not
    against_preps: frozenset[str]  # "fire at X", "fought against X": a target, never a side
    idiom_goals: frozenset[str]  # "brought to justice": a goal that is no place or side
    unsent_classes: frozenset[str]  # "Russian volunteers": a nationality sends no fighters

    @classmethod
    def of(cls, kb: KnowledgeBase) -> ParseLexicon:
        return cls(
            pipeline=str(kb.parse.get("pipeline", "")),
            speech_lemmas=_words(kb, "speech_lemmas"),
            deny_lemmas=_words(kb, "deny_lemmas"),
            own_act_lemmas=_words(kb, "own_act_lemmas"),
            avowal_lemmas=_words(kb, "avowal_lemmas"),
            accuse_lemmas=_words(kb, "accuse_lemmas"),
            credit_lemmas=_words(kb, "credit_lemmas"),
            praise_lemmas=_words(kb, "praise_lemmas"),
            retreat_particles=_words(kb, "retreat_particles"),
            pact_kinds=_words(kb, "pact_kinds"),
            seek_lemmas=_words(kb, "seek_lemmas"),
            own_force_nouns=_words(kb, "own_force_nouns"),
            war_deeds=_words(kb, "war_deeds"),
            belief_lemmas=_words(kb, "belief_lemmas"),
            claim_nouns=_words(kb, "claim_noun_lemmas"),
            hedge_modals=_words(kb, "hedge_modals"),
            hedge_verbs=_words(kb, "hedge_verbs"),
            role_nouns=_words(kb, "role_nouns"),
            recalled_claims=_words(kb, "recalled_claim_nouns"),
            quarrel_lemmas=_words(kb, "quarrel_lemmas"),
            topic_preps=_words(kb, "topic_preps"),
            hedges=kb.cues.words_of("hedges"),
            recipient_preps=_words(kb, "recipient_preps"),
            moved_to_preps=_words(kb, "moved_to_preps"),
            giving_speech_lemmas=_words(kb, "giving_speech_lemmas"),
            censure_lemmas=_words(kb, "censure_lemmas"),
            mutual_nouns=_words(kb, "mutual_nouns"),
            purpose_lemmas=_words(kb, "purpose_lemmas"),
            furnish_lemmas=_words(kb, "furnish_lemmas"),
            target_preps=_words(kb, "target_preps"),
            generic_heads=_words(kb, "generic_heads"),
            civil_objects=_words(kb, "civil_objects"),
            of_agent_nouns=_words(kb, "of_agent_nouns"),
            not_agents=frozenset(n for n, t in kb.actor_types.items() if t == "monitor"),
            non_actor_heads=_words(kb, "non_actor_heads"),
            self_propelled=frozenset(kb.self_propelled),
            weapons=frozenset(c for c, r in kb.frames.get("use", {}).items() if r == "combat"),
            background_preps=_words(kb, "background_preps"),
            reaction_lemmas=_words(kb, "reaction_lemmas"),
            possibility_words=_words(kb, "possibility_words"),
            ending_lemmas=_words(kb, "ending_lemmas"),
            tool_lemmas=_words(kb, "tool_lemmas"),
            potential_lemmas=_words(kb, "potential_lemmas"),
            plan_lemmas=_words(kb, "plan_lemmas"),
            consequence_modals=_words(kb, "consequence_modals"),
            request_lemmas=_words(kb, "request_lemmas"),
            prevention_lemmas=_words(kb, "prevention_lemmas"),
            measure_nouns=_words(kb, "measure_nouns"),
            state_adjectives=_words(kb, "state_adjectives"),
            warning_lemmas=_words(kb, "warning_lemmas"),
            conditional_marks=_words(kb, "conditional_marks"),
            private_heads=_words(kb, "nonstate_heads") | _words(kb, "private_heads"),
            nonstate_heads=_words(kb, "nonstate_heads"),
            epithet_lemmas=_words(kb, "epithet_lemmas"),
            stance_objects=_words(kb, "stance_objects"),
            drill_lemmas=_words(kb, "drill_lemmas"),
            idiom_objects=_words(kb, "idiom_objects"),
            measure_targets=_words(kb, "measure_targets"),
            trade_nouns=_words(kb, "trade_nouns"),
            states=frozenset(n for n, t in kb.actor_types.items() if t in ("state", "territory")),
            place_preps=_words(kb, "place_preps"),
            thing_labels=frozenset(str(w) for w in kb.parse.get("thing_labels", ()) or ()),
            provenance_lemmas=_words(kb, "provenance_lemmas"),
            user_lemmas=_words(kb, "user_lemmas"),
            definite_heads={
                str(k).lower(): str(v) for k, v in (kb.parse.get("definite_heads") or {}).items()
            },
            army_words=_words(kb, "army_words"),
            people_classes=_words(kb, "people_classes"),
            civil_kinds=_words(kb, "civil_kinds"),
            title_preps=_words(kb, "title_preps"),
            carry_frames=_words(kb, "carry_frames"),
            aspect_lemmas=_words(kb, "aspect_lemmas"),
            home_lemmas=_words(kb, "home_lemmas"),
            tie_nouns=_words(kb, "tie_nouns"),
            against_preps=_words(kb, "against_preps"),
            idiom_goals=_words(kb, "idiom_goals"),
            unsent_classes=_words(kb, "unsent_classes"),
            frame_defaults={
                str(k): str(v) for k, v in (kb.parse.get("frame_defaults") or {}).items()
            },
        )
