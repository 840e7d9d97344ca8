#!/usr/bin/env python3
"""Derive the example vendors of examples/interop from the XRechnung corpus.

Run from the repository root with the corpus beside it:

    python3 examples/interop/derive.py ../shared/corpus/xoev/xrechnung

Every message is a byte copy of a KoSIT XRechnung test-suite or Schematron
test instance (Apache-2.0), changed only by the text edits listed for its
vendor below, so that the vendors differ the way real producers do.
"""
import os
import re
import sys

corpus = sys.argv[1]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vendors")
bc = os.path.join(corpus, "testsuite/business-cases/standard")
cn = os.path.join(corpus, "xrechnung-schematron/test-instances/ubl-cn")


def drop(tag):
    pat = re.compile(r"\n?[ \t]*<%s\b[^>]*>.*?</%s>" % (tag, tag), re.S)
    return lambda s: pat.sub("", s)


def set_text(tag, value):
    pat = re.compile(r"(<%s\b[^>]*>)[^<]*(</%s>)" % (tag, tag))
    return lambda s: pat.sub(lambda m: m.group(1) + value + m.group(2), s)



vendors = {
    # A careful producer: the KoSIT examples as they are, one invoice
    # without the Leitweg-ID (BT-10, BR-DE-15).
    "alpha-software": [
        (bc, n, []) for n in ["01.01a", "01.03a", "01.04a", "01.06a", "01.07a", "01.09a"]
    ] + [(bc, "01.10a", [drop("cbc:BuyerReference")])],
    # An ERP that never writes notes or delivery details, pays by credit
    # transfer (code 30) and also sends credit notes.
    "beta-erp": [
        (bc, n, [drop("cbc:Note"), drop("cac:Delivery"), set_text("cbc:PaymentMeansCode", "30")])
        for n in ["01.12a", "01.13a", "01.15a", "01.17a", "01.19a", "01.20a", "02.01a"]
    ] + [(cn, n, []) for n in ["ubl-cn-br-de-10-test", "ubl-cn-br-de-11-test", "ubl-cn-br-de-17-test"]],
    # A cloud service that leaves out the business process (BT-23);
    # one invoice has an impossible date (XSD),
    # one an invoice type code outside the code list (BR-CL-01).
    "gamma-cloud": [
        (bc, n, [drop("cbc:ProfileID")]) for n in ["02.02a", "02.04a", "02.05a", "03.01a", "03.02a", "03.04a"]
    ] + [
        (bc, "03.05a", [drop("cbc:ProfileID"), set_text("cbc:IssueDate", "2024-02-30")]),
        (bc, "03.07a", [drop("cbc:ProfileID"), set_text("cbc:InvoiceTypeCode", "999")]),
    ],
}

for vendor, msgs in vendors.items():
    d = os.path.join(out, vendor)
    os.makedirs(d, exist_ok=True)
    for src_dir, name, edits in msgs:
        src = os.path.join(src_dir, name + ("-INVOICE_ubl.xml" if src_dir == bc else ".xml"))
        with open(src, encoding="utf-8") as f:
            s = f.read()
        for e in edits:
            s = e(s)
        base = name.replace("-INVOICE_ubl", "") + ".xml"
        with open(os.path.join(d, base), "w", encoding="utf-8") as f:
            f.write(s)
