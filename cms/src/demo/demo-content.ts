/**
 * The demo clinic, in English and Spanish. Written for this project; it only shows the
 * shape of a real clinic's pages and is not medical advice.
 */

export type DemoLocale = 'en' | 'es';
type Localized<T> = Record<DemoLocale, T>;

export interface DemoSection {
  kind: 'overview' | 'candidacy' | 'preparation' | 'how_performed' | 'aftercare' | 'risks' | 'recovery';
  heading: string;
  body?: string;
  steps?: Array<{ title: string; detail?: string }>;
}

export interface DemoProvider {
  key: string;
  fullName: string;
  credentials: string;
  acceptingNewPatients: boolean;
  text: Localized<{ slug: string; specialty: string; education: string; biography: string }>;
}

export interface DemoFaq {
  key: string;
  text: Localized<{ question: string; answer: string }>;
}

export interface DemoProcedure {
  key: string;
  typicalDurationMinutes: number;
  setting: 'outpatient' | 'inpatient';
  procedureType: 'percutaneous' | 'surgical' | 'noninvasive';
  providerKeys: string[];
  faqKeys: string[];
  relatedKeys: string[];
  reviewedOn: Localized<string>;
  text: Localized<{ title: string; slug: string; otherNames: string[]; summary: string; anesthesia: string; sections: DemoSection[] }>;
}

export const DEMO_REVIEW_INTERVAL_MONTHS = 12;

export const demoClinic = {
  name: 'Lakeshore Spine & Pain',
  phone: '+1 262-555-0142',
  address: {
    en: '1200 Harbor View Road, Suite 300, Milwaukee, WI 53202, United States',
    es: '1200 Harbor View Road, Suite 300, Milwaukee, WI 53202, Estados Unidos',
  } satisfies Localized<string>,
  defaultReviewIntervalMonths: DEMO_REVIEW_INTERVAL_MONTHS,
};

export const demoRebrandNotice = {
  previousName: 'Harbor Pain Associates',
  newName: 'Lakeshore Spine & Pain',
  phone: '+1 262-555-0142',
  startsAt: '2026-01-01T00:00:00.000Z',
  endsAt: '2027-12-31T23:59:59.000Z',
  message: {
    en: 'Harbor Pain Associates has a new name: Lakeshore Spine & Pain. Same doctors, same phone number.',
    es: 'Harbor Pain Associates tiene un nuevo nombre: Lakeshore Spine & Pain. Los mismos médicos y el mismo teléfono.',
  } satisfies Localized<string>,
};

export const demoProviders: DemoProvider[] = [
  {
    key: 'stauss',
    fullName: 'Thomas Stauss',
    credentials: 'MD',
    acceptingNewPatients: true,
    text: {
      en: {
        slug: 'thomas-stauss',
        specialty: 'Pain Management',
        education: 'Undergraduate degree and medical degree, University of Wisconsin–Madison.',
        biography:
          'Dr. Stauss treats long-standing back and nerve pain, with a particular interest in implanted devices such as spinal cord stimulators. He likes having many treatment options at hand so that each plan fits the person in front of him, and he treats every patient with respect and candour.',
      },
      es: {
        slug: 'thomas-stauss',
        specialty: 'Medicina del dolor',
        education: 'Licenciatura y título de medicina por la Universidad de Wisconsin–Madison.',
        biography:
          'El Dr. Stauss trata el dolor de espalda y de nervios de larga duración, con especial interés en los dispositivos implantados, como los estimuladores de la médula espinal. Prefiere tener muchas opciones de tratamiento para que cada plan se adapte a la persona, y trata a cada paciente con respeto y franqueza.',
      },
    },
  },
  {
    key: 'delgado',
    fullName: 'Maria Delgado',
    credentials: 'DO',
    acceptingNewPatients: true,
    text: {
      en: {
        slug: 'maria-delgado',
        specialty: 'Physical Medicine and Rehabilitation',
        education: 'Doctor of Osteopathic Medicine, Des Moines University; residency in rehabilitation medicine.',
        biography:
          'Dr. Delgado helps patients move again after spine injuries and fractures. She combines image-guided injections with exercise plans and works closely with physical therapists.',
      },
      es: {
        slug: 'maria-delgado',
        specialty: 'Medicina física y rehabilitación',
        education: 'Doctora en Medicina Osteopática, Des Moines University; residencia en medicina de rehabilitación.',
        biography:
          'La Dra. Delgado ayuda a sus pacientes a recuperar el movimiento después de lesiones y fracturas de columna. Combina inyecciones guiadas por imagen con planes de ejercicio y trabaja de cerca con fisioterapeutas.',
      },
    },
  },
  {
    key: 'okafor',
    fullName: 'Daniel Okafor',
    credentials: 'MD',
    acceptingNewPatients: false,
    text: {
      en: {
        slug: 'daniel-okafor',
        specialty: 'Anesthesiology and Interventional Pain',
        education: 'Doctor of Medicine, Medical College of Wisconsin; fellowship in interventional pain medicine.',
        biography:
          'Dr. Okafor performs nerve blocks and radiofrequency treatments for neck and back pain. He explains every step before a procedure so that patients know what they will feel.',
      },
      es: {
        slug: 'daniel-okafor',
        specialty: 'Anestesiología y dolor intervencionista',
        education: 'Doctor en Medicina, Medical College of Wisconsin; subespecialidad en medicina intervencionista del dolor.',
        biography:
          'El Dr. Okafor realiza bloqueos nerviosos y tratamientos de radiofrecuencia para el dolor de cuello y espalda. Explica cada paso antes del procedimiento para que el paciente sepa qué va a sentir.',
      },
    },
  },
];

export const demoFaqs: DemoFaq[] = [
  {
    key: 'major-surgery',
    text: {
      en: {
        question: 'Is vertebroplasty or kyphoplasty a major operation?',
        answer:
          'No. Both are minimally invasive: the doctor works through a needle or a very small cut in the skin rather than opening the back. Most take about an hour.',
      },
      es: {
        question: '¿La vertebroplastia o la cifoplastia son una cirugía mayor?',
        answer:
          'No. Ambas son mínimamente invasivas: el médico trabaja a través de una aguja o de un corte muy pequeño en la piel, sin abrir la espalda. La mayoría dura alrededor de una hora.',
      },
    },
  },
  {
    key: 'recovery-time',
    text: {
      en: {
        question: 'How long does recovery take?',
        answer:
          'Soreness where the needle went in usually fades within a few days. Most people are back to their everyday activities within a few weeks; healing of the fracture itself can take two months or more.',
      },
      es: {
        question: '¿Cuánto tiempo dura la recuperación?',
        answer:
          'La molestia donde entró la aguja suele desaparecer en pocos días. La mayoría de las personas vuelve a sus actividades diarias en unas semanas; la fractura en sí puede tardar dos meses o más en sanar.',
      },
    },
  },
  {
    key: 'other-name',
    text: {
      en: {
        question: 'Does kyphoplasty have another name?',
        answer: 'Yes. Kyphoplasty is also called balloon vertebroplasty, because a small balloon is used before the cement.',
      },
      es: {
        question: '¿La cifoplastia tiene otro nombre?',
        answer: 'Sí. La cifoplastia también se llama vertebroplastia con balón, porque se usa un pequeño balón antes del cemento.',
      },
    },
  },
  {
    key: 'rfa-duration',
    text: {
      en: {
        question: 'How long does pain relief from radiofrequency ablation last?',
        answer: 'Relief often lasts from six months to more than a year. The nerve can grow back, and the treatment can be repeated.',
      },
      es: {
        question: '¿Cuánto dura el alivio de la ablación por radiofrecuencia?',
        answer: 'El alivio suele durar de seis meses a más de un año. El nervio puede regenerarse y el tratamiento se puede repetir.',
      },
    },
  },
];

export const demoProcedures: DemoProcedure[] = [
  {
    key: 'vertebroplasty',
    typicalDurationMinutes: 60,
    setting: 'outpatient',
    procedureType: 'percutaneous',
    providerKeys: ['stauss', 'delgado'],
    faqKeys: ['major-surgery', 'recovery-time', 'other-name'],
    relatedKeys: ['epidural', 'rfa'],
    reviewedOn: { en: '2026-04-25', es: '2026-04-25' },
    text: {
      en: {
        title: 'Vertebroplasty and Kyphoplasty',
        slug: 'vertebroplasty-and-kyphoplasty',
        otherNames: ['Balloon vertebroplasty', 'Vertebral augmentation'],
        summary:
          'Two closely related treatments for a broken (compressed) vertebra. Bone cement is placed inside the fractured bone to steady it, ease pain and help you move again. Kyphoplasty adds one step: a small balloon first makes room and can restore part of the lost height.',
        anesthesia: 'General anesthesia or deep sedation',
        sections: [
          {
            kind: 'overview',
            heading: 'What these procedures do',
            body:
              'A vertebra weakened by osteoporosis, a tumour or an injury can collapse and cause lasting pain. In both procedures a doctor guides a hollow needle into the broken bone using live X-ray and fills it with medical cement that sets within minutes.\n\nThe only difference is that kyphoplasty first inflates a small balloon inside the bone, which creates a space for the cement and can correct some of the curve caused by the collapse.',
          },
          {
            kind: 'candidacy',
            heading: 'Who may benefit',
            body:
              'Your doctor may suggest one of these procedures when:\n\n- rest, pain medicine, a brace and physical therapy have not helped enough;\n- the pain is severe or has lasted for weeks and keeps you from moving;\n- the fracture is causing other problems, such as loss of height, breathing difficulty or a higher risk of blood clots from lying still.\n\nThey are also used for fractures caused by a tumour, for older adults whose bones heal slowly, and for bone loss after long-term steroid treatment.',
          },
          {
            kind: 'preparation',
            heading: 'Getting ready',
            body:
              'You will first meet a spine specialist, who will usually order X-rays or an MRI. If you go ahead, you may be asked to stop blood thinners and anti-inflammatory medicines a few days before, and not to eat for several hours beforehand. Arrange for someone to drive you home.',
          },
          {
            kind: 'how_performed',
            heading: 'How vertebroplasty is done',
            steps: [
              { title: 'You are put to sleep', detail: 'General anesthesia or deep sedation keeps you comfortable throughout.' },
              { title: 'A needle is guided to the fracture', detail: 'Using live X-ray (fluoroscopy), the doctor steers a thin needle through the skin into the broken vertebra.' },
              { title: 'Cement is injected', detail: 'Fast-setting bone cement fills the cracks inside the bone.' },
              { title: 'The cement hardens', detail: 'Within minutes the bone is steadier, which usually reduces pain.' },
            ],
          },
          {
            kind: 'how_performed',
            heading: 'How kyphoplasty is done',
            steps: [
              { title: 'You are put to sleep', detail: 'Anesthesia is given through an IV line.' },
              { title: 'A small tube is placed', detail: 'Through a tiny cut, a narrow tube is guided to the fracture under X-ray.' },
              { title: 'A balloon makes room', detail: 'A balloon is inflated inside the collapsed bone to create a cavity and lift it slightly.' },
              { title: 'The balloon is removed', detail: 'The balloon is deflated and taken out, leaving the cavity open.' },
              { title: 'Cement fills the space', detail: 'Bone cement is placed in the cavity to hold the vertebra in its new shape.' },
            ],
          },
          {
            kind: 'aftercare',
            heading: 'Right after the procedure',
            body:
              '- You lie on your back for about an hour while the cement sets.\n- Nurses watch your heart rate, blood pressure and breathing for one to two hours more.\n- Many people feel relief at once; for others it takes up to three days. Over-the-counter pain relievers help with soreness.\n- Most people go home the same day; a few stay overnight.\n- A follow-up visit is booked a few weeks later.',
          },
          {
            kind: 'risks',
            heading: 'Risks',
            body:
              'Serious problems are uncommon. Possible complications include bleeding, infection, fever, irritation of a nerve root, a fracture of a nearby rib or bone, and cement leaking outside the bone before it sets. Pain can briefly get worse while the cement cures. Talk to your doctor about risks that apply to you.',
          },
          {
            kind: 'recovery',
            heading: 'Recovery',
            body:
              'Soreness usually settles within a few days, and most people return to normal activities within a few weeks. The fracture itself needs at least eight weeks to heal, longer if it is severe. A back brace is rarely needed afterwards.',
          },
        ],
      },
      es: {
        title: 'Vertebroplastia y cifoplastia',
        slug: 'vertebroplastia-y-cifoplastia',
        otherNames: ['Vertebroplastia con balón', 'Aumento vertebral'],
        summary:
          'Dos tratamientos muy parecidos para una vértebra fracturada (aplastada). Se coloca cemento óseo dentro del hueso roto para estabilizarlo, aliviar el dolor y ayudarle a moverse de nuevo. La cifoplastia añade un paso: un pequeño balón crea espacio primero y puede recuperar parte de la altura perdida.',
        anesthesia: 'Anestesia general o sedación profunda',
        sections: [
          {
            kind: 'overview',
            heading: 'Qué hacen estos procedimientos',
            body:
              'Una vértebra debilitada por osteoporosis, un tumor o una lesión puede aplastarse y causar dolor persistente. En ambos procedimientos, el médico guía una aguja hueca hasta el hueso roto con rayos X en tiempo real y lo rellena con un cemento médico que se endurece en minutos.\n\nLa única diferencia es que en la cifoplastia primero se infla un pequeño balón dentro del hueso, que crea un espacio para el cemento y puede corregir parte de la curvatura causada por el aplastamiento.',
          },
          {
            kind: 'candidacy',
            heading: 'Quién puede beneficiarse',
            body:
              'Su médico puede sugerir uno de estos procedimientos cuando:\n\n- el reposo, los analgésicos, una faja y la fisioterapia no han ayudado lo suficiente;\n- el dolor es intenso o dura semanas y le impide moverse;\n- la fractura causa otros problemas, como pérdida de estatura, dificultad para respirar o más riesgo de coágulos por estar en cama.\n\nTambién se usan en fracturas causadas por un tumor, en personas mayores cuyos huesos sanan despacio y en la pérdida ósea tras un tratamiento largo con esteroides.',
          },
          {
            kind: 'preparation',
            heading: 'Cómo prepararse',
            body:
              'Primero verá a un especialista en columna, que normalmente pedirá radiografías o una resonancia magnética. Si decide seguir adelante, puede que le pidan dejar los anticoagulantes y antiinflamatorios unos días antes, y no comer durante varias horas antes. Pida a alguien que le lleve a casa.',
          },
          {
            kind: 'how_performed',
            heading: 'Cómo se realiza la vertebroplastia',
            steps: [
              { title: 'Se le duerme', detail: 'La anestesia general o la sedación profunda le mantiene cómodo durante todo el procedimiento.' },
              { title: 'Se guía una aguja hasta la fractura', detail: 'Con rayos X en tiempo real (fluoroscopia), el médico dirige una aguja fina a través de la piel hasta la vértebra rota.' },
              { title: 'Se inyecta el cemento', detail: 'Un cemento óseo de fraguado rápido rellena las grietas dentro del hueso.' },
              { title: 'El cemento se endurece', detail: 'En minutos el hueso queda más firme, lo que suele reducir el dolor.' },
            ],
          },
          {
            kind: 'how_performed',
            heading: 'Cómo se realiza la cifoplastia',
            steps: [
              { title: 'Se le duerme', detail: 'La anestesia se administra por una vía intravenosa.' },
              { title: 'Se coloca un tubo pequeño', detail: 'A través de un corte diminuto, se guía un tubo estrecho hasta la fractura con rayos X.' },
              { title: 'Un balón crea espacio', detail: 'Se infla un balón dentro del hueso aplastado para formar una cavidad y levantarlo un poco.' },
              { title: 'Se retira el balón', detail: 'El balón se desinfla y se retira, y la cavidad queda abierta.' },
              { title: 'El cemento rellena el espacio', detail: 'Se coloca cemento óseo en la cavidad para mantener la vértebra en su nueva forma.' },
            ],
          },
          {
            kind: 'aftercare',
            heading: 'Justo después del procedimiento',
            body:
              '- Permanecerá boca arriba alrededor de una hora mientras el cemento fragua.\n- El personal de enfermería vigilará su pulso, presión arterial y respiración una o dos horas más.\n- Muchas personas notan alivio enseguida; en otras tarda hasta tres días. Los analgésicos sin receta ayudan con la molestia.\n- La mayoría vuelve a casa el mismo día; algunas pasan la noche.\n- Se programa una cita de control unas semanas después.',
          },
          {
            kind: 'risks',
            heading: 'Riesgos',
            body:
              'Los problemas graves son poco frecuentes. Las complicaciones posibles incluyen sangrado, infección, fiebre, irritación de una raíz nerviosa, fractura de una costilla o hueso cercano y fuga del cemento fuera del hueso antes de endurecerse. El dolor puede empeorar brevemente mientras el cemento fragua. Hable con su médico sobre los riesgos en su caso.',
          },
          {
            kind: 'recovery',
            heading: 'Recuperación',
            body:
              'La molestia suele desaparecer en pocos días y la mayoría vuelve a sus actividades normales en unas semanas. La fractura necesita al menos ocho semanas para sanar, más si es grave. Rara vez se necesita una faja después.',
          },
        ],
      },
    },
  },
  {
    key: 'epidural',
    typicalDurationMinutes: 20,
    setting: 'outpatient',
    procedureType: 'percutaneous',
    providerKeys: ['okafor', 'delgado'],
    faqKeys: [],
    relatedKeys: ['rfa'],
    reviewedOn: { en: '2026-02-10', es: '2025-11-03' },
    text: {
      en: {
        title: 'Epidural Steroid Injection',
        slug: 'epidural-steroid-injection',
        otherNames: ['ESI'],
        summary: 'An injection of anti-inflammatory medicine into the space around the spinal nerves, to calm pain that travels down an arm or leg.',
        anesthesia: 'Local anesthetic; light sedation on request',
        sections: [
          { kind: 'overview', heading: 'What it is', body: 'A steroid and a numbing medicine are placed near an irritated nerve root, guided by X-ray.' },
          { kind: 'candidacy', heading: 'Who may benefit', body: 'People with sciatica or arm pain from a disc problem or narrowing of the spine, when rest and therapy have not helped.' },
          { kind: 'preparation', heading: 'Getting ready', body: 'Tell us about blood thinners and diabetes; steroids can raise blood sugar for a few days.' },
          {
            kind: 'how_performed',
            heading: 'How it is done',
            steps: [
              { title: 'The skin is numbed' },
              { title: 'A needle is guided into place', detail: 'X-ray and a little contrast dye confirm the position.' },
              { title: 'The medicine is injected' },
            ],
          },
          { kind: 'aftercare', heading: 'Afterwards', body: 'Rest for the rest of the day. Relief usually begins within two to seven days.' },
          { kind: 'risks', heading: 'Risks', body: 'Headache, temporary numbness, a rise in blood sugar and, rarely, infection or bleeding.' },
          { kind: 'recovery', heading: 'Recovery', body: 'Most people return to normal activities the next day.' },
        ],
      },
      es: {
        title: 'Inyección epidural de esteroides',
        slug: 'inyeccion-epidural-de-esteroides',
        otherNames: ['IEE'],
        summary: 'Una inyección de medicamento antiinflamatorio en el espacio que rodea los nervios de la columna, para calmar el dolor que baja por un brazo o una pierna.',
        anesthesia: 'Anestesia local; sedación ligera si la solicita',
        sections: [
          { kind: 'overview', heading: 'Qué es', body: 'Se coloca un esteroide y un anestésico cerca de una raíz nerviosa irritada, con guía de rayos X.' },
          { kind: 'candidacy', heading: 'Quién puede beneficiarse', body: 'Personas con ciática o dolor de brazo por un problema de disco o un estrechamiento de la columna, cuando el reposo y la terapia no han ayudado.' },
          { kind: 'preparation', heading: 'Cómo prepararse', body: 'Infórmenos si toma anticoagulantes o tiene diabetes; los esteroides pueden subir el azúcar en sangre unos días.' },
          {
            kind: 'how_performed',
            heading: 'Cómo se realiza',
            steps: [
              { title: 'Se adormece la piel' },
              { title: 'Se guía la aguja hasta su lugar', detail: 'Los rayos X y un poco de contraste confirman la posición.' },
              { title: 'Se inyecta el medicamento' },
            ],
          },
          { kind: 'aftercare', heading: 'Después', body: 'Descanse el resto del día. El alivio suele comenzar entre dos y siete días después.' },
          { kind: 'risks', heading: 'Riesgos', body: 'Dolor de cabeza, adormecimiento temporal, aumento del azúcar en sangre y, rara vez, infección o sangrado.' },
          { kind: 'recovery', heading: 'Recuperación', body: 'La mayoría vuelve a sus actividades normales al día siguiente.' },
        ],
      },
    },
  },
  {
    key: 'rfa',
    typicalDurationMinutes: 45,
    setting: 'outpatient',
    procedureType: 'percutaneous',
    providerKeys: ['okafor'],
    faqKeys: ['rfa-duration'],
    relatedKeys: ['epidural'],
    reviewedOn: { en: '2025-12-20', es: '2025-12-20' },
    text: {
      en: {
        title: 'Radiofrequency Ablation',
        slug: 'radiofrequency-ablation',
        otherNames: ['RFA', 'Rhizotomy'],
        summary: 'Gentle heat from a needle tip quiets the small nerves that carry pain from arthritic spine joints.',
        anesthesia: 'Local anesthetic with light sedation',
        sections: [
          { kind: 'overview', heading: 'What it is', body: 'A radiofrequency current warms a small area of nerve so that it stops sending pain signals for months.' },
          { kind: 'candidacy', heading: 'Who may benefit', body: 'People whose neck or back pain was relieved by a test nerve block.' },
          { kind: 'preparation', heading: 'Getting ready', body: 'You will need a test block first. Arrange a ride home.' },
          {
            kind: 'how_performed',
            heading: 'How it is done',
            steps: [
              { title: 'The skin is numbed' },
              { title: 'Needles are placed beside the nerves', detail: 'Their position is checked with X-ray and a brief electrical test.' },
              { title: 'The nerves are warmed', detail: 'Each spot is treated for about ninety seconds.' },
            ],
          },
          { kind: 'aftercare', heading: 'Afterwards', body: 'The area may feel sore or sunburnt for one to two weeks.' },
          { kind: 'risks', heading: 'Risks', body: 'Temporary soreness or numbness; infection and bleeding are rare.' },
          { kind: 'recovery', heading: 'Recovery', body: 'Full relief usually appears after two to three weeks.' },
        ],
      },
      es: {
        title: 'Ablación por radiofrecuencia',
        slug: 'ablacion-por-radiofrecuencia',
        otherNames: ['ARF', 'Rizotomía'],
        summary: 'Un calor suave en la punta de una aguja apaga los pequeños nervios que transmiten el dolor de las articulaciones artríticas de la columna.',
        anesthesia: 'Anestesia local con sedación ligera',
        sections: [
          { kind: 'overview', heading: 'Qué es', body: 'Una corriente de radiofrecuencia calienta una pequeña zona del nervio para que deje de enviar señales de dolor durante meses.' },
          { kind: 'candidacy', heading: 'Quién puede beneficiarse', body: 'Personas cuyo dolor de cuello o espalda se alivió con un bloqueo nervioso de prueba.' },
          { kind: 'preparation', heading: 'Cómo prepararse', body: 'Primero necesitará un bloqueo de prueba. Pida a alguien que le lleve a casa.' },
          {
            kind: 'how_performed',
            heading: 'Cómo se realiza',
            steps: [
              { title: 'Se adormece la piel' },
              { title: 'Se colocan agujas junto a los nervios', detail: 'Su posición se comprueba con rayos X y una breve prueba eléctrica.' },
              { title: 'Se calientan los nervios', detail: 'Cada punto se trata durante unos noventa segundos.' },
            ],
          },
          { kind: 'aftercare', heading: 'Después', body: 'La zona puede doler o sentirse como quemada por el sol durante una o dos semanas.' },
          { kind: 'risks', heading: 'Riesgos', body: 'Dolor o adormecimiento temporal; la infección y el sangrado son raros.' },
          { kind: 'recovery', heading: 'Recuperación', body: 'El alivio completo suele aparecer a las dos o tres semanas.' },
        ],
      },
    },
  },
];
