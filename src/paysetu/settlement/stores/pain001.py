"""ISO 20022 ``pain.001.001.09`` (customer credit transfer initiation) for one payout.

Built with ``pyiso20022``'s dataclasses, generated from the official schema, and serialised
with ``xsdata``: elements come out in schema order with schema types, so the file validates
against the ISO XSD (the tests check every generated file with ``xmlschema`` against the copy of
``pain.001.001.09.xsd`` that the ``sepaxml`` wheel ships).

One message per payout (a batch pays one merchant once): ``MsgId`` and ``InstrId`` are the
payout id, ``PmtInfId`` the settlement batch id, each with ``-`` for ``_`` (the restricted
character set, :mod:`~paysetu.settlement.rules.bank_text`), ``EndToEndId`` the payout's
end-to-end id (what the bank statement echoes and reconciliation matches). Names and the
remittance text are transliterated into that set. The file is a pure function of the stored
payout and the requested execution date, so downloading it twice on a day gives the same bytes.
Creditor accounts are an ``IBAN`` with the bank's BIC, or a local account number (``Othr/Id``)
with the bank's clearing code (``ClrSysMmbId``, scheme ``INFSC`` for an Indian IFSC). A SEPA
transfer (euro to an IBAN) has service level ``SEPA`` and charge bearer ``SLEV``; any other
has its charges borne by the debtor (``DEBT``), so the merchant receives the amount the batch
pays out.
"""

from __future__ import annotations

from pyiso20022.pain.pain_001_001_09 import pain_001_001_09 as iso
from xsdata.formats.dataclass.serializers import XmlSerializer
from xsdata.formats.dataclass.serializers.config import SerializerConfig
from xsdata.models.datatype import XmlDate, XmlDateTime

from paysetu.kernel.money import Money
from paysetu.settlement.rules.bank_text import file_id, is_sepa, latin_text
from paysetu.settlement.rules.payout_accounts import BankCodeScheme, PayoutAccountDetails
from paysetu.settlement.rules.records import PayoutInstruction

NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"
CLEARING_CODES = {BankCodeScheme.IN_IFSC: "INFSC"}
"""ISO 20022 external clearing system codes of the bank-code schemes paysetu accepts."""
NAME_LENGTH_MAX = 140


def _account(details: PayoutAccountDetails) -> iso.CashAccount38:
    if details.iban is not None:
        identification = iso.AccountIdentification4Choice(iban=details.iban)
    else:
        identification = iso.AccountIdentification4Choice(
            othr=iso.GenericAccountIdentification1(id=details.account_number or "")
        )
    return iso.CashAccount38(id=identification, ccy=details.currency)


def _agent(details: PayoutAccountDetails) -> iso.BranchAndFinancialInstitutionIdentification6:
    if details.bic is not None:
        institution = iso.FinancialInstitutionIdentification18(bicfi=details.bic)
    elif details.bank_code is not None and details.bank_code_scheme is not None:
        institution = iso.FinancialInstitutionIdentification18(
            clr_sys_mmb_id=iso.ClearingSystemMemberIdentification2(
                clr_sys_id=iso.ClearingSystemIdentification2Choice(
                    cd=CLEARING_CODES[details.bank_code_scheme]),
                mmb_id=details.bank_code,
            )
        )
    else:
        institution = iso.FinancialInstitutionIdentification18(
            othr=iso.GenericFinancialIdentification1(id="NOTPROVIDED")
        )
    return iso.BranchAndFinancialInstitutionIdentification6(fin_instn_id=institution)


def _party(name: str) -> iso.PartyIdentification135:
    return iso.PartyIdentification135(nm=latin_text(name, NAME_LENGTH_MAX))


def _transaction(instruction: PayoutInstruction) -> iso.CreditTransferTransaction34:
    payout = instruction.payout
    amount = Money(payout.amount_minor, payout.currency).to_decimal()
    return iso.CreditTransferTransaction34(
        pmt_id=iso.PaymentIdentification6(instr_id=file_id(payout.id),
                                          end_to_end_id=payout.end_to_end_id),
        amt=iso.AmountType4Choice(
            instd_amt=iso.ActiveOrHistoricCurrencyAndAmount(value=amount, ccy=payout.currency)
        ),
        cdtr_agt=_agent(instruction.creditor),
        cdtr=_party(instruction.creditor.holder_name),
        cdtr_acct=_account(instruction.creditor),
        rmt_inf=iso.RemittanceInformation16(
            ustrd=[latin_text(f"paysetu settlement {file_id(instruction.batch_id)} "
                              f"{instruction.merchant_name}")]
        ),
    )


def build_document(instruction: PayoutInstruction) -> iso.Document:
    """The ``Document`` of one payout's credit transfer initiation."""
    payout = instruction.payout
    amount = Money(payout.amount_minor, payout.currency).to_decimal()
    created = XmlDateTime.from_datetime(payout.created_at.replace(microsecond=0))
    debtor = instruction.debtor
    sepa = is_sepa(instruction.creditor)
    execution = XmlDate.from_date(instruction.requested_execution_date)
    return iso.Document(cstmr_cdt_trf_initn=iso.CustomerCreditTransferInitiationV09(
        grp_hdr=iso.GroupHeader85(
            msg_id=file_id(payout.id), cre_dt_tm=created, nb_of_txs="1", ctrl_sum=amount,
            initg_pty=_party(debtor.holder_name),
        ),
        pmt_inf=[iso.PaymentInstruction30(
            pmt_inf_id=file_id(instruction.batch_id), pmt_mtd=iso.PaymentMethod3Code.TRF,
            nb_of_txs="1", ctrl_sum=amount,
            pmt_tp_inf=iso.PaymentTypeInformation26(
                svc_lvl=[iso.ServiceLevel8Choice(cd="SEPA")]) if sepa else None,
            reqd_exctn_dt=iso.DateAndDateTime2Choice(dt=execution),
            dbtr=_party(debtor.holder_name), dbtr_acct=_account(debtor), dbtr_agt=_agent(debtor),
            chrg_br=iso.ChargeBearerType1Code.SLEV if sepa else iso.ChargeBearerType1Code.DEBT,
            cdt_trf_tx_inf=[_transaction(instruction)],
        )],
    ))


def pain001_xml(instruction: PayoutInstruction) -> bytes:
    """The pain.001.001.09 file of one payout, UTF-8, with an XML declaration."""
    config = SerializerConfig(indent="  ", xml_declaration=True, encoding="UTF-8")
    text = XmlSerializer(config=config).render(build_document(instruction),
                                               ns_map={None: NAMESPACE})
    return text.encode("utf-8")
