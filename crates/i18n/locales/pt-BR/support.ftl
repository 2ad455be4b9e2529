### A central de atendimento (/support) e suas ferramentas de autoatendimento.

support-title = Central de atendimento
support-lead = Ferramentas de autoatendimento. Ninguém do atendimento vai pedir seus códigos.
support-join-tool = Entrar em uma videochamada agendada
support-join-tool-hint = Comprove que é você e entre na chamada agendada com nossa equipe de atendimento.
support-check-tool = Conferir se um atendente é legítimo
support-check-tool-hint = Alguém diz ser do atendimento? Confira o código que a pessoa lê para você.
support-join-title = Entrar na sua videochamada
support-join-lead = Digite o código de agendamento que você recebeu na conversa com o atendimento.
support-appointment-code = Código de agendamento
support-appointment-code-hint = 12 letras e números, por exemplo 7KQ2-9XMD-4TPR
support-continue = Continuar
support-verify-lead = Sua chamada com
support-totp-code = Código do seu app autenticador
support-totp-hint = O código de 6 dígitos que o app mostra para esta conta.
support-email-code = Código enviado por e-mail
support-email-hint = Enviamos para
support-verify-button = Verificar e entrar
support-join-button = Entrar na videochamada
support-check-title = Este atendente é legítimo?
support-check-lead = Peça ao atendente que leia o código dele e digite-o junto com o seu código de agendamento.
support-agent-code = Código do atendente
support-check-button = Conferir

## O que o script da página mostra (atributos data-msg-*). O script
## preenche $agent e $n: a página traz "{agent}" e "{n}" no lugar deles,
## então um plural escolhe aqui a forma "other".

support-msg-working = Um momento…
support-msg-verified = Sua identidade foi confirmada. Você já pode entrar na chamada.
support-msg-genuine = Legítimo: { $agent } faz parte da nossa equipe de atendimento.
support-msg-not-genuine = Este código não está certo. Não passe nenhuma informação, desligue e fale com a gente pelo nosso site.
support-msg-not-found = Este código de agendamento não foi encontrado. Confira e tente de novo.
support-msg-too-early = Ainda é cedo: a chamada abre 15 minutos antes do horário marcado.
support-msg-too-late = Esta chamada já terminou. Agende uma nova com o atendimento.
support-msg-appointment-cancelled = Este agendamento foi cancelado.
support-msg-invalid-code = Este código não está certo.
support-msg-attempts-left =
    { $n ->
        [one] Resta { $n } tentativa.
       *[other] Restam { $n } tentativas.
    }
support-msg-too-many-attempts = Muitos códigos errados. Comece de novo com seu código de agendamento.
support-msg-rate-limited = Muitas tentativas a partir desta conexão.
support-msg-retry =
    { $n ->
        [one] Tente de novo em { $n } minuto.
       *[other] Tente de novo em { $n } minutos.
    }
support-msg-locked = Sua conta está bloqueada por um tempo depois de muitos códigos errados.
support-msg-policy-unsatisfiable = Chamadas verificadas exigem um app autenticador. Configure um nas configurações de segurança da sua conta.
support-msg-expired = Esta verificação expirou. Comece de novo.
support-msg-not-join-session = Este navegador não entrou nesta chamada. Comece de novo com seu código de agendamento.
support-msg-error = Algo deu errado. Tente de novo.
