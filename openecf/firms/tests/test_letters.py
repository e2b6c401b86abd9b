"""The firm e-mails, byte for byte (pure: no database)."""

from datetime import date

from openecf.core.letters import Letter
from openecf.firms import letters

# who, their account, the firm, by whom, on which day, and the remark
UNLINKING = letters.Unlinking(
    "Pat Doe", "1234567", "Jefferson & Clay LLP", "the firm", date(2026, 3, 2), "Left the firm"
)
UNLINKED = (
    "Pat Doe (account 1234567) is no longer linked to Jefferson & Clay LLP's PACER "
    "Administrative Account. Unlinked by the firm on March 2, 2026. Remark: Left the firm\n\n"
)


def test_the_paa_letter_gives_the_account_the_link_and_what_a_paa_is_for():
    letter = letters.paa_registered(
        contact="Ann Lee",
        firm_name="Jefferson & Clay LLP",
        account_number="7654321",
        username="jclayadmin",
        verify_link="https://ecf.example/account/verify/t/",
        firm_url="https://ecf.example/firm/",
    )
    assert letter == Letter(
        "PACER: PACER Administrative Account for Jefferson & Clay LLP",
        "Dear Ann Lee,\n\n"
        "The PACER Administrative Account (PAA) for Jefferson & Clay LLP is registered.\n\n"
        "Account number: 7654321\nUsername: jclayadmin\n\n"
        "The account becomes active when you verify your e-mail address. Open this link within "
        "48 hours:\nhttps://ecf.example/account/verify/t/\n"
        "If you did not register, ignore this e-mail.\n\n"
        "A PAA is administrative only: it cannot search for cases, file, or pay court fees "
        "(filing fees, admission fees and dues are paid by each attorney). Use it to invite your "
        "attorneys and staff by their account number and last name, and to check that every "
        "attorney is ready for NextGen CM/ECF:\nhttps://ecf.example/firm/\n",
    )


def test_the_invitation_says_what_joining_means_and_where_to_answer():
    letter = letters.invitation(
        person="Pat Doe",
        firm_name="Jefferson & Clay LLP",
        account_number="1234567",
        remark="Welcome",
        invitations_url="https://ecf.example/firm/invitations/",
    )
    assert (
        letter.subject
        == "PACER: Jefferson & Clay LLP invites you to its PACER Administrative Account"
    )
    assert letter.text == (
        "Dear Pat Doe,\n\n"
        "Jefferson & Clay LLP asks to add your PACER account (1234567) to its PACER "
        "Administrative Account (PAA).\nRemark from the firm: Welcome\n\n"
        "If you accept, the firm is billed for your PACER access fees and can see your PACER "
        "usage. It cannot pay your court fees, and your account stays yours: you can leave the "
        "firm's PAA at any time.\n\n"
        "Accept or decline in Manage My Account: https://ecf.example/firm/invitations/\n"
        "If you do not know this firm, decline.\n"
    )


def test_the_firm_hears_of_an_answer():
    accepted = letters.invitation_accepted(
        person="Pat Doe",
        account_number="1234567",
        firm_name="Jefferson & Clay LLP",
        readiness_url="https://ecf.example/firm/readiness/",
    )
    assert accepted == Letter(
        "PACER: Pat Doe joined Jefferson & Clay LLP's PAA",
        "Pat Doe (account 1234567) accepted your invitation and is now linked to Jefferson & "
        "Clay LLP's PACER Administrative Account. Their PACER access fees are billed to the firm "
        "from now on.\n\nMembers and NextGen readiness: https://ecf.example/firm/readiness/\n",
    )
    declined = letters.invitation_declined(
        person="Pat Doe", account_number="1234567", firm_name="Jefferson & Clay LLP"
    )
    assert declined == Letter(
        "PACER: Pat Doe declined Jefferson & Clay LLP's invitation",
        "Pat Doe (account 1234567) declined the invitation to join Jefferson & Clay LLP's PACER "
        "Administrative Account.\n",
    )


def test_an_unlinking_tells_the_member_who_pays_now():
    assert letters.unlinked_to_member(UNLINKING) == Letter(
        "PACER: your account was unlinked from Jefferson & Clay LLP's PAA",
        UNLINKED + "From now on your PACER access fees are billed to you. Your PACER case "
        "search may be paused until you store a payment method in Manage My Account or another "
        "firm adds you. Your filing privileges and court logins are not affected.\n",
    )


def test_an_unlinking_tells_the_firm_it_no_longer_pays():
    assert letters.unlinked_to_firm(UNLINKING) == Letter(
        "PACER: Pat Doe was unlinked from Jefferson & Clay LLP's PAA",
        UNLINKED + "The firm is no longer billed for this person's PACER access fees.\n",
    )
