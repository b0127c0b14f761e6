import sendgrid
from sendgrid.helpers.mail import Mail

SENDGRID_API_KEY = "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"
sg = sendgrid.SendGridAPIClient(api_key=SENDGRID_API_KEY)


def send(to, subject, html):
    sg.send(Mail(from_email="noreply@helios-labs.io", to_emails=to, subject=subject, html_content=html))
