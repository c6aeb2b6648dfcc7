import type { Schema, Struct } from '@strapi/strapi';

export interface ClinicOtherName extends Struct.ComponentSchema {
  collectionName: 'components_clinic_other_names';
  info: {
    description: 'Another name patients know a procedure by.';
    displayName: 'Other name';
    icon: 'quote';
  };
  attributes: {
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
  };
}

export interface ClinicProcedureSection extends Struct.ComponentSchema {
  collectionName: 'components_clinic_procedure_sections';
  info: {
    description: 'One part of a procedure page, in reading order.';
    displayName: 'Procedure section';
    icon: 'layer';
  };
  attributes: {
    body: Schema.Attribute.RichText;
    heading: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    kind: Schema.Attribute.Enumeration<
      [
        'overview',
        'candidacy',
        'preparation',
        'how_performed',
        'aftercare',
        'risks',
        'recovery',
      ]
    > &
      Schema.Attribute.Required;
    steps: Schema.Attribute.Component<'clinic.procedure-step', true>;
  };
}

export interface ClinicProcedureStep extends Struct.ComponentSchema {
  collectionName: 'components_clinic_procedure_steps';
  info: {
    description: 'One numbered step of how a procedure is performed.';
    displayName: 'Procedure step';
    icon: 'arrowRight';
  };
  attributes: {
    detail: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'clinic.other-name': ClinicOtherName;
      'clinic.procedure-section': ClinicProcedureSection;
      'clinic.procedure-step': ClinicProcedureStep;
    }
  }
}
